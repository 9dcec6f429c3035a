using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using Trading.Contracts.Candles;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets;
using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;
using Xunit.Abstractions;

namespace Trading.Integration.Tests.Signal;

/// <summary>
/// The running signal service, replayed the closed candles of a real 1-minute file merged into 5m and 15m, stores exactly the
/// signals the backtester finds on the same file, one by one, for every shipped strategy: same candle, direction, prices, R:R,
/// confidence, reason and market context. The backtester's side is <see cref="BacktestEngine.Run"/> as <c>trading backtest
/// --interval 5m</c> runs it (default strategy parameters and settings, the service's defaults too).
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SignalBacktestEquivalenceTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private const string File = "btcusd-perp-ftx-1m-20211231-20220114.csv";
    private const string Venue = "KRAKEN";
    private const string Symbol = "BTC/USD";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private static readonly Interval[] Intervals = [Interval.Parse("5m"), Interval.Parse("15m")];

    [Fact]
    public async Task The_service_stores_every_signal_of_the_backtest_on_the_same_candles_and_no_other()
    {
        var minutes = ReadMinutes(RepositoryPaths.MarketFile(File));
        var expected = Intervals.SelectMany(interval => Backtest(minutes, interval)).ToList();
        var replay = Intervals
            .SelectMany(interval => BacktestCandles.Build(minutes, interval).Select(candle => (Interval: interval, Candle: candle)))
            .OrderBy(c => c.Candle.ClosedAt)
            .ThenBy(c => c.Interval.Duration)
            .Select(c => CandleBus.Message(Venue, Symbol, c.Interval, c.Candle))
            .ToList();

        var (actual, timings) = await RunServiceAsync(replay);
        output.WriteLine(timings);

        foreach (var interval in Intervals)
        {
            foreach (var strategy in StrategyCatalog.Names)
            {
                Assert.Equal(Of(expected, interval, strategy), Of(actual, interval, strategy));
            }
        }

        Assert.Equal(expected, actual);
        Assert.All(StrategyCatalog.Names, strategy => Assert.Contains(actual, s => s.Strategy == strategy));
        foreach (var interval in Intervals)
        {
            output.WriteLine($"{interval.Code}: " + string.Join(", ", StrategyCatalog.Names.Select(s => $"{s} {Of(actual, interval, s).Count}")));
        }
    }

    /// <summary>
    /// The signals of <see cref="BacktestEngine.Run"/> over <paramref name="minutes"/> on <paramref name="interval"/>, with every
    /// shipped strategy, in time order. Each strategy is wrapped to list what it raises, and the engine's own count proves the list whole.
    /// </summary>
    private static IEnumerable<SignalFacts> Backtest(IReadOnlyList<Candle> minutes, Interval interval)
    {
        var settings = new StrategySettings();
        var raised = StrategyCatalog.Names.ToDictionary(name => name, _ => new List<StrategySignal>());
        var strategies = StrategyCatalog.Names
            .Select(name => new BacktestStrategy(
                name, _ => new RecordingStrategy(StrategyCatalog.Create(name, settings), raised[name]), StrategyCatalog.ParametersJson(name, settings)))
            .ToList();

        var results = BacktestEngine.Run(new BacktestRun
        {
            Symbol = Symbol,
            Interval = interval,
            Candles = minutes,
            Strategies = strategies,
            Settings = new BacktestSettings(),
        });

        Assert.Equal(results.Select(r => (r.Strategy, r.Signals)), StrategyCatalog.Names.Select(name => (name, raised[name].Count)));
        return raised.Values
            .SelectMany(signals => signals)
            .Select(signal => new SignalFacts(
                interval.Code,
                signal.Strategy,
                signal.SignalAt.ToUniversalTime(),
                signal.Direction.ToString(),
                signal.Entry,
                signal.StopLoss,
                signal.TakeProfit,
                signal.RiskReward,
                signal.Confidence,
                signal.Reason,
                signal.Context.Regime.ToString(),
                signal.Context.HigherTimeframe?.Code,
                signal.Context.HigherTimeframeTrend.ToString(),
                signal.Context.MacroTrend.ToString()))
            .OrderBy(s => s, SignalFacts.Order);
    }

    private async Task<(List<SignalFacts> Signals, string Timings)> RunServiceAsync(IReadOnlyList<CandleClosed> replay)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "signal-equivalence-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,

            // Every shipped strategy (the default), no live gate, and no history from a candle-builder that does not run here:
            // the series start empty, as the backtest does.
            ["Signal__Gate__Enforce"] = "false",
            ["Signal__RequestHistory"] = "false",
            ["Messaging__OutboxPollInterval"] = "00:00:00.200",
        };
        for (var i = 0; i < Intervals.Length; i++)
        {
            environment[$"Signal__Intervals__{i}"] = Intervals[i].Code;
        }

        await using var service = new ServiceProcess("signal", "Trading.Signal", environment, logs);
        var clock = Stopwatch.StartNew();
        service.Start();
        await service.WaitUntilReadyAsync(Patience);
        var started = clock.Elapsed;

        await using (var bus = await ReplayBus.StartAsync(rabbitMq))
        {
            foreach (var candle in replay)
            {
                await bus.PublishAsync(candle);
            }
        }

        var published = clock.Elapsed;
        long consumed = 0, pending = 0;
        await Eventually.Holds(
            async () => (consumed = await ScalarAsync(postgres, "SELECT count(*) FROM signal.candles")) == replay.Count
                && (pending = await ScalarAsync(postgres, "SELECT count(*) FROM signal.outbox_messages WHERE dispatched_at IS NULL")) == 0,
            Patience,
            () => $"the service consumes {replay.Count} candles and publishes its signals; consumed {consumed}, {pending} messages unpublished\n{service.Tail()}");
        var done = clock.Elapsed;

        var last = replay[^1];
        Assert.Equal(1L, await ScalarAsync(postgres, $"SELECT count(*) FROM signal.inbox_messages WHERE message_id = '{CandleBus.MessageId(last)}'"));
        Assert.DoesNotContain("out of order", service.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("are missing: expected one opened at", service.Output, StringComparison.Ordinal);

        await using var connection = new NpgsqlConnection(postgres);
        var rows = (await connection.QueryAsync<SignalRow>(
            """
            SELECT venue AS Venue, symbol AS Symbol, "interval" AS Interval, strategy AS Strategy, signal_at AS SignalAt,
                   direction AS Direction, entry AS Entry, stop_loss AS StopLoss, take_profit AS TakeProfit, risk_reward AS RiskReward,
                   confidence AS Confidence, reason AS Reason, regime AS Regime, higher_timeframe AS HigherTimeframe,
                   higher_timeframe_trend AS HigherTimeframeTrend, macro_trend AS MacroTrend, published AS Published
            FROM signal.signals
            """)).ToList();
        var signalEvents = await ScalarAsync(postgres, "SELECT count(*) FROM signal.outbox_messages WHERE message_type LIKE '%SignalGenerated%'");

        Assert.All(rows, row => Assert.Equal((Venue, Symbol, true), (row.Venue, row.Symbol, row.Published)));
        Assert.Equal(rows.Count, signalEvents);
        var signals = rows
            .Select(row => new SignalFacts(
                row.Interval,
                row.Strategy,
                new DateTimeOffset(DateTime.SpecifyKind(row.SignalAt, DateTimeKind.Utc)),
                row.Direction,
                row.Entry,
                row.StopLoss,
                row.TakeProfit,
                row.RiskReward,
                row.Confidence,
                row.Reason,
                row.Regime,
                row.HigherTimeframe,
                row.HigherTimeframeTrend,
                row.MacroTrend))
            .OrderBy(s => Array.FindIndex(Intervals, i => i.Code == s.Interval))
            .ThenBy(s => s, SignalFacts.Order)
            .ToList();
        var timings = string.Create(
            CultureInfo.InvariantCulture,
            $"{replay.Count} candles: service ready in {started.TotalSeconds:0.0} s, published in {(published - started).TotalSeconds:0.0} s, " +
            $"consumed {(done - published).TotalSeconds:0.0} s later; {signals.Count} signals");
        return (signals, timings);
    }

    private static List<SignalFacts> Of(IEnumerable<SignalFacts> signals, Interval interval, string strategy) =>
        [.. signals.Where(s => s.Interval == interval.Code && s.Strategy == strategy)];

    /// <summary>The file's 1-minute candles as <c>trading backtest</c> reads them (CandleCsvReader, CandleCsvRow.ToCandle).</summary>
    private static Candle[] ReadMinutes(string path) =>
        [.. System.IO.File.ReadLines(path)
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                var cells = line.Split(',');
                var openedAt = DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                var volume = Number(cells[5]);
                return new Candle
                {
                    OpenedAt = openedAt,
                    ClosedAt = openedAt.AddMinutes(1),
                    Open = Number(cells[1]),
                    High = Number(cells[2]),
                    Low = Number(cells[3]),
                    Close = Number(cells[4]),
                    Volume = volume,
                    TradeCount = 0,
                    IsSynthetic = volume == 0,
                };
            })];

    private static decimal Number(string cell) => decimal.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>What a signal says, as the service stores it and the backtester raises it.</summary>
    private sealed record SignalFacts(
        string Interval,
        string Strategy,
        DateTimeOffset SignalAt,
        string Direction,
        decimal Entry,
        decimal StopLoss,
        decimal TakeProfit,
        decimal RiskReward,
        decimal Confidence,
        string Reason,
        string? Regime,
        string? HigherTimeframe,
        string? HigherTimeframeTrend,
        string? MacroTrend)
    {
        public static IComparer<SignalFacts> Order { get; } = Comparer<SignalFacts>.Create((a, b) =>
            (string.CompareOrdinal(a.Strategy, b.Strategy), a.SignalAt.CompareTo(b.SignalAt)) switch
            {
                (0, var time) => time,
                (var strategy, _) => strategy,
            });
    }

    private sealed record SignalRow
    {
        public required string Venue { get; init; }

        public required string Symbol { get; init; }

        public required string Interval { get; init; }

        public required string Strategy { get; init; }

        public required DateTime SignalAt { get; init; }

        public required string Direction { get; init; }

        public required decimal Entry { get; init; }

        public required decimal StopLoss { get; init; }

        public required decimal TakeProfit { get; init; }

        public required decimal RiskReward { get; init; }

        public required decimal Confidence { get; init; }

        public required string Reason { get; init; }

        public string? Regime { get; init; }

        public string? HigherTimeframe { get; init; }

        public string? HigherTimeframeTrend { get; init; }

        public string? MacroTrend { get; init; }

        public required bool Published { get; init; }
    }
}
