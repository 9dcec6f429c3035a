using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using MassTransit;
using Npgsql;
using Trading.Contracts.MarketData;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.CandleBuilder;

/// <summary>
/// candle-builder processes fed real recorded trades over the broker, on all eight intervals: two partitioned instances store and
/// publish exactly what one does, and a killed instance (taken over by a standby, or restarted) loses no trade and publishes no
/// candle twice. Quiet candles are closed only by trades here, so the result does not depend on how long the test takes: every
/// run must equal the candles the aggregator builds from the same trades in the test.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CandleBuilderScalingTests(InfrastructureFixture infrastructure)
{
    private const int BatchSize = 40;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    // Four markets on both halves of the partition space (partitions 9, 3, 11 and 2: instance 0 of 2 owns the last).
    private static readonly (string Venue, string Symbol, string File)[] Markets =
    [
        ("KRAKEN", "BTC/USDT", "btcusdt-kraken-trades-20251110.csv"),
        ("BINANCE", "XRP/ETH", "xrpeth-binance-trades-20191011-20191013.csv"),
        ("BINANCE", "BTC/USDT", "btcusdt-binance-trades-20210108.csv"),

        // The Kraken recording once more as another market, so that both instances have work.
        ("KRAKEN", "SOL/USD", "btcusdt-kraken-trades-20251110.csv"),
    ];

    private static readonly Lazy<IReadOnlyList<TradesReceived>> Batches = new(ReadBatches);
    private static readonly Lazy<IReadOnlyList<StoredCandle>> Expected = new(BuildExpected);

    [Fact]
    public void The_markets_fall_on_partitions_of_both_instances()
    {
        var owners = Markets.Select(m => TradePartitions.Of(m.Venue, m.Symbol) % 2).Distinct().Count();

        Assert.Equal(2, owners);
    }

    [Fact]
    public async Task Two_partitioned_instances_store_and_publish_exactly_what_one_instance_does()
    {
        var single = await RunAsync("single", [Settings(0, 1)], kill: null);
        var partitioned = await RunAsync("partitioned", [Settings(0, 2), Settings(1, 2)], kill: null);

        Assert.Equal(Expected.Value, single.Candles);
        Assert.Equal(single.Candles, partitioned.Candles);
        Assert.Equal(single.Published, partitioned.Published);
        Assert.Equal(Expected.Value.Count, partitioned.Published.Count);
        Assert.Contains("Instance 0 of 2 consumes trade partitions 0,2,4,6,8,10,12,14", partitioned.Outputs[0]);
        Assert.Contains("Instance 1 of 2 consumes trade partitions 1,3,5,7,9,11,13,15", partitioned.Outputs[1]);
    }

    [Fact]
    public async Task A_standby_takes_over_from_a_killed_active_instance_with_no_gap_and_no_duplicate()
    {
        var run = await RunAsync("standby", [Settings(0, 1), Settings(0, 1)], kill: KillAction.KillActive);

        Assert.Equal(Expected.Value, run.Candles);
        Assert.Equal(Expected.Value.Count, run.Published.Count);
        Assert.Equal(Expected.Value.Select(c => c.Key), run.Published);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_an_interval_loses_no_trade_and_publishes_no_candle_twice()
    {
        var run = await RunAsync("restart", [Settings(0, 1)], kill: KillAction.KillAndRestart);

        Assert.Equal(Expected.Value, run.Candles);
        Assert.Equal(Expected.Value.Select(c => c.Key), run.Published);
        Assert.Equal(Batches.Value.Sum(b => b.Trades.Count), run.Candles.Where(c => c.Interval == "1m").Sum(c => c.TradeCount) + OpenTrades("1m"));
    }

    private enum KillAction
    {
        KillActive,
        KillAndRestart,
    }

    private static Dictionary<string, string> Settings(int instance, int instances) => new()
    {
        ["CandleBuilder__Instance"] = instance.ToString(CultureInfo.InvariantCulture),
        ["CandleBuilder__Instances"] = instances.ToString(CultureInfo.InvariantCulture),
        ["CandleBuilder__CloseQuietCandles"] = "false",
        ["Messaging__OutboxPollInterval"] = "00:00:00.200",
    };

    private async Task<RunResult> RunAsync(string name, IReadOnlyList<Dictionary<string, string>> instances, KillAction? kill)
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", $"candle-builder-{name}-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));
        var processes = new List<ServiceProcess>();
        ServiceProcess Create(IReadOnlyDictionary<string, string> settings)
        {
            var environment = new Dictionary<string, string>(settings)
            {
                ["ConnectionStrings__Postgres"] = postgres,
                ["ConnectionStrings__RabbitMq"] = rabbitMq,
            };
            var process = new ServiceProcess("candle-builder", "Trading.CandleBuilder", environment, logs);
            processes.Add(process);
            process.Start();
            return process;
        }

        string Progress() => string.Join("\n", processes.Select((p, i) => $"----- candle-builder {i} (exited {p.HasExited})\n{p.Tail(15)}"));
        try
        {
            // One after the other: the first to register is the active consumer of every queue it shares with a standby.
            foreach (var settings in instances)
            {
                await Create(settings).WaitUntilReadyAsync(Patience);
            }

            await using var publisher = await ReplayBus.StartAsync(rabbitMq);
            var batches = Batches.Value;
            var killAt = kill is null ? -1 : batches.Count * 2 / 5;
            for (var i = 0; i < batches.Count; i++)
            {
                if (i == killAt)
                {
                    await Eventually.Holds(async () => await CountAsync(postgres, "SELECT count(*) FROM candle_builder.candles") > 0, Patience, () => "candles are being built before the kill\n" + Progress());
                    await processes[0].KillAsync();
                    if (kill == KillAction.KillAndRestart)
                    {
                        await Create(instances[0]).WaitUntilReadyAsync(Patience);
                    }
                }

                await publisher.PublishAsync(batches[i], batches[i].BatchId);
            }

            var expected = Expected.Value.Count;
            var stored = 0L;
            await Eventually.Holds(
                async () => (stored = await CountAsync(postgres, "SELECT count(*) FROM candle_builder.candles")) >= expected
                    && await CountAsync(postgres, "SELECT count(*) FROM candle_builder.outbox_messages WHERE dispatched_at IS NULL") == 0,
                Patience,
                () => $"{expected} candles are stored and published, stored {stored}\n" + Progress());

            // Settle: anything still to come would be a duplicate or a candle the trades do not justify.
            await Task.Delay(TimeSpan.FromSeconds(1));
            return new RunResult(await CandlesAsync(postgres), await PublishedAsync(postgres), processes.Select(p => p.Output).ToList());
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }
    }

    private static int OpenTrades(string interval) =>
        Markets.Sum(market =>
        {
            var trades = ReadTrades(market.File);
            var aggregator = new CandleAggregator(Interval.Parse(interval), _ => { });
            foreach (var trade in trades)
            {
                aggregator.Update(trade.ExchangeTime, trade.Price, trade.Quantity, Side(trade));
            }

            return aggregator.OpenCandle?.TradeCount ?? 0;
        });

    private static async Task<long> CountAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<IReadOnlyList<StoredCandle>> CandlesAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        var rows = await connection.QueryAsync<StoredCandle>(
            """
            SELECT venue, symbol, "interval", opened_at AS OpenedAt, open, high, low, close, volume, quote_volume AS QuoteVolume,
                   buy_volume AS BuyVolume, sell_volume AS SellVolume, trade_count AS TradeCount, is_synthetic AS IsSynthetic
            FROM candle_builder.candles
            """);
        return Sorted(rows);
    }

    /// <summary>The key of every CandleClosed in the outbox, sorted; a candle published twice appears twice.</summary>
    private static async Task<IReadOnlyList<string>> PublishedAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        var bodies = await connection.QueryAsync<string>(
            "SELECT body::text FROM candle_builder.outbox_messages WHERE message_type LIKE '%CandleClosed%'");
        return bodies
            .Select(body => System.Text.Json.JsonDocument.Parse(body).RootElement)
            .Select(e => StoredCandle.KeyOf(e.GetProperty("venue").GetString()!, e.GetProperty("symbol").GetString()!, e.GetProperty("interval").GetString()!, e.GetProperty("openedAt").GetDateTimeOffset()))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<StoredCandle> Sorted(IEnumerable<StoredCandle> candles) =>
        candles.OrderBy(c => c.Key, StringComparer.Ordinal).ToList();

    private static IReadOnlyList<StoredCandle> BuildExpected()
    {
        var candles = new List<StoredCandle>();
        foreach (var (venue, symbol, file) in Markets)
        {
            var trades = ReadTrades(file);
            foreach (var interval in Interval.All)
            {
                var aggregator = new CandleAggregator(interval, c => candles.Add(StoredCandle.From(venue, symbol, interval.Code, c)));
                foreach (var trade in trades)
                {
                    aggregator.Update(trade.ExchangeTime, trade.Price, trade.Quantity, Side(trade));
                }
            }
        }

        return Sorted(candles);
    }

    private static AggressorSide Side(Trade trade) => trade.Side == TradeSide.Buy ? AggressorSide.Buy : AggressorSide.Sell;

    // Batches of every market in file order, the markets interleaved as a live feed would interleave them.
    private static IReadOnlyList<TradesReceived> ReadBatches()
    {
        var perMarket = Markets
            .Select(market => ReadTrades(market.File)
                .Chunk(BatchSize)
                .Select((chunk, i) => new TradesReceived
                {
                    BatchId = BatchId($"{market.Venue}|{market.Symbol}|{i}"),
                    Venue = market.Venue,
                    Symbol = market.Symbol,
                    Trades = chunk,
                })
                .ToList())
            .ToList();
        var batches = new List<TradesReceived>();
        for (var i = 0; perMarket.Any(list => i < list.Count); i++)
        {
            batches.AddRange(perMarket.Where(list => i < list.Count).Select(list => list[i]));
        }

        return batches;
    }

    private static Guid BatchId(string key) => new(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));

    private static IReadOnlyList<Trade> ReadTrades(string file) =>
        File.ReadLines(RepositoryPaths.MarketFile(file))
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select((line, i) =>
            {
                var cells = line.Split(',');
                var time = DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
                return new Trade
                {
                    TradeId = i.ToString(CultureInfo.InvariantCulture),
                    Price = decimal.Parse(cells[1], CultureInfo.InvariantCulture),
                    Quantity = decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                    Side = cells[3] == "buy" ? TradeSide.Buy : TradeSide.Sell,
                    ExchangeTime = time,
                    ReceivedAt = time,
                };
            })
            .ToList();

    private sealed record RunResult(IReadOnlyList<StoredCandle> Candles, IReadOnlyList<string> Published, IReadOnlyList<string> Outputs);
}
