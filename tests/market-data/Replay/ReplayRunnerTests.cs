using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Persistence;
using Trading.MarketData.Replay;
using Trading.Tests;

namespace Trading.MarketData.Tests.Replay;

[Trait("Category", "Integration")]
public sealed class ReplayRunnerTests : IAsyncLifetime
{
    private const string KrakenTrades = "btcusdt-kraken-trades-20251110.csv";
    private const string CoinbaseMinutes = "btcusd-coinbase-1m-20170903-20170904.csv";

    private readonly string _directory = Directory.CreateTempSubdirectory("replay-runner-tests").FullName;
    private readonly MeasurementRecorder _metrics = new();
    private readonly CancellationTokenSource _deadline = new(TimeSpan.FromSeconds(60));
    private ServiceTestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(TimeProvider.System);

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _metrics.Dispose();
        _deadline.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Trade_file_is_published_once_in_order_with_line_ids_and_completes()
    {
        var path = MarketFiles.PathOf(KrakenTrades);
        var expected = File.ReadLines(path).Skip(1)
            .Select((line, i) => (Id: (i + 2).ToString(CultureInfo.InvariantCulture), Fields: line.Split(',')))
            .Select(x => (x.Id, DateTimeOffset.Parse(x.Fields[0], CultureInfo.InvariantCulture), decimal.Parse(x.Fields[1], CultureInfo.InvariantCulture)))
            .ToList();

        await Runner(new ReplayOptions { File = path, Speed = 0m, BatchSize = 100 }).RunAsync(_deadline.Token);

        var batches = await _database.MessagesAsync<TradesReceived>();
        Assert.Equal(expected, batches.SelectMany(b => b.Trades).Select(t => (t.TradeId, t.ExchangeTime, t.Price)));
        Assert.All(batches, b => Assert.Equal(("KRAKEN", "BTC/USD"), (b.Venue, b.Symbol)));
        Assert.Equal(10, batches.Count);
        Assert.Equal(
            [FeedStatus.Live, FeedStatus.Completed],
            (await _database.MessagesAsync<FeedStatusChanged>()).Select(s => s.Status));
        Assert.Equal(1000L, await _database.ScalarAsync<long>("SELECT trades_published FROM replay_progress WHERE completed_at IS NOT NULL"));
    }

    [Fact]
    public async Task Candle_file_replay_publishes_trades_that_rebuild_every_bar_even_across_split_batches()
    {
        var rows = File.ReadLines(MarketFiles.PathOf(CoinbaseMinutes)).Take(301).ToList();
        var path = Write("coinbase-300.csv", rows);

        await Runner(new ReplayOptions { File = path, Speed = 0m, BatchSize = 7 }).RunAsync(_deadline.Token);

        var trades = (await _database.MessagesAsync<TradesReceived>()).SelectMany(b => b.Trades).ToList();
        Assert.Equal(rows.Skip(1), RebuildMinutes(trades));
        Assert.Equal(trades.Count, trades.Select(t => t.TradeId).Distinct().Count());
        Assert.All(trades, t => Assert.Matches(@"^\d+\.[0-3]$", t.TradeId));
    }

    [Fact]
    public async Task Start_offset_publishes_from_the_first_trade_at_or_after_the_first_row_plus_the_offset()
    {
        var path = MarketFiles.PathOf(KrakenTrades);
        var threshold = DateTimeOffset.Parse("2025-11-10T20:23:53.971Z", CultureInfo.InvariantCulture);
        var expected = File.ReadLines(path).Skip(1)
            .Select(line => DateTimeOffset.Parse(line.Split(',')[0], CultureInfo.InvariantCulture))
            .Where(t => t >= threshold)
            .ToList();

        await Runner(new ReplayOptions { File = path, Speed = 0m, StartOffset = TimeSpan.FromHours(3) }).RunAsync(_deadline.Token);

        var trades = (await _database.MessagesAsync<TradesReceived>()).SelectMany(b => b.Trades).ToList();
        Assert.Equal(expected, trades.Select(t => t.ExchangeTime));
    }

    [Fact]
    public async Task Looping_survives_crashes_publishing_every_trade_of_every_loop_exactly_once_with_rising_times()
    {
        var path = Write("loop.csv",
        [
            "time_utc_iso,open,high,low,close,volume",
            "2017-09-03T00:00:00Z,100,103,99,102,4",
            "2017-09-03T00:01:00Z,102,102,102,102,0.5",
            "2017-09-03T00:02:00Z,102,102,101,101,0",
            "2017-09-03T00:04:00Z,101,104,98,99,3.3",
            "2017-09-03T00:05:00Z,99,100,99,100,1.25",
        ]);
        var options = new ReplayOptions { File = path, Speed = 0m, BatchSize = 3, Loop = true };

        // Batches of 3 over 11 trades a loop: the runs stop inside a bar (after trades 3, 14 and 28) and after a loop's end.
        await RunUntilPublishedAsync(options, 3);
        await RunUntilPublishedAsync(options, 14);
        await RunUntilPublishedAsync(options, 26);
        await RunUntilPublishedAsync(options, 40);

        var published = (await _database.MessagesAsync<TradesReceived>()).SelectMany(b => b.Trades).ToList();
        var expected = ExpectedLoopTrades(path, shift: TimeSpan.FromMinutes(6)).Take(published.Count).ToList();
        Assert.True(published.Count >= 40, $"only {published.Count} trades were published");
        Assert.Equal(expected, published.Select(t => (t.TradeId, t.ExchangeTime, t.Price, t.Quantity)));
        Assert.True(await _database.ScalarAsync<int>("SELECT loop_number FROM replay_progress") >= 3);
    }

    [Fact]
    public async Task A_cursor_written_before_loops_existed_resumes_at_its_line()
    {
        var path = MarketFiles.PathOf(KrakenTrades);
        await _database.ScalarAsync<int>(
            $"""
            INSERT INTO replay_progress (replay_key, next_line, trades_published, started_at)
            VALUES ('KRAKEN|BTC/USD|{KrakenTrades}', 992, 990, now()) RETURNING next_line
            """);

        await Runner(new ReplayOptions { File = path, Speed = 0m }).RunAsync(_deadline.Token);

        var trades = (await _database.MessagesAsync<TradesReceived>()).SelectMany(b => b.Trades).ToList();
        Assert.Equal(Enumerable.Range(992, 10).Select(i => i.ToString(CultureInfo.InvariantCulture)), trades.Select(t => t.TradeId));
        Assert.Equal(1000L, await _database.ScalarAsync<long>("SELECT trades_published FROM replay_progress"));
    }

    // Runs a fresh runner (as after a restart) and stops it abruptly right after the batch that reaches the total.
    private async Task RunUntilPublishedAsync(ReplayOptions options, int total)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_deadline.Token);
        _metrics.OnMeasurement = m =>
        {
            if (m.Name == MarketDataMetrics.TradesPublishedName && _metrics.Sum(MarketDataMetrics.TradesPublishedName) >= total)
            {
                stop.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner(options).RunAsync(stop.Token));
        _metrics.OnMeasurement = null;
        Assert.False(_deadline.IsCancellationRequested, "the replay did not reach the total before the deadline");
    }

    private ReplayRunner Runner(ReplayOptions options) =>
        new(_database.Outbox, new ReplayProgressStore(), Options.Create(options), TimeProvider.System,
            new MarketDataMetrics(_metrics.Telemetry), NullLogger<ReplayRunner>.Instance);

    private string Write(string name, IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    // The expected stream, built by hand: every bar's trades (CandleTradeSynthesizer is tested on its own), loop after
    // loop, ids "line.point" then "loop/line.point", times shifted by whole loops.
    private static IEnumerable<(string, DateTimeOffset, decimal, decimal)> ExpectedLoopTrades(string path, TimeSpan shift)
    {
        var bars = File.ReadLines(path).Skip(1).Select((line, i) =>
        {
            var f = line.Split(',');
            return new RecordedCandle(
                i + 2,
                DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture),
                decimal.Parse(f[1], CultureInfo.InvariantCulture),
                decimal.Parse(f[2], CultureInfo.InvariantCulture),
                decimal.Parse(f[3], CultureInfo.InvariantCulture),
                decimal.Parse(f[4], CultureInfo.InvariantCulture),
                decimal.Parse(f[5], CultureInfo.InvariantCulture));
        }).ToList();
        for (var loop = 0; ; loop++)
        {
            foreach (var trade in bars.SelectMany(b => CandleTradeSynthesizer.ToTrades(b, TimeSpan.FromMinutes(1))))
            {
                var id = $"{trade.LineNumber}.{trade.Point}";
                yield return (loop == 0 ? id : $"{loop}/{id}", trade.Time + (shift * loop), trade.Price, trade.Size);
            }
        }
    }

    private static IEnumerable<string> RebuildMinutes(IEnumerable<Trade> trades) =>
        trades
            .GroupBy(t => new DateTimeOffset(t.ExchangeTime.UtcTicks - (t.ExchangeTime.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero))
            .OrderBy(g => g.Key)
            .Select(g => string.Join(
                ',',
                g.Key.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                Text(g.First().Price),
                Text(g.Max(t => t.Price)),
                Text(g.Min(t => t.Price)),
                Text(g.Last().Price),
                Text(g.Aggregate(0m, (sum, t) => sum + t.Quantity))));

    // The files drop trailing zeros.
    private static string Text(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
