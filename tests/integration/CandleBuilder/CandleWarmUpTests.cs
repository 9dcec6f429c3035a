using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dapper;
using MassTransit;
using Npgsql;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.Integration.Tests.EndToEnd;
using Trading.Integration.Tests.Infrastructure;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.CandleBuilder;

/// <summary>
/// candle-builder's warm-up against a real market-data process, which fetches from a fake Kraken and Coinbase REST OHLC server
/// (no live feed: its WebSocket points nowhere): the history of every market and interval is stored without a CandleClosed, a
/// second start fetches only what is not stored yet (a trade queued meanwhile waits for it), and GetCandleHistory answers from the
/// stored candles.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Category", "Integration")]
public sealed partial class CandleWarmUpTests(InfrastructureFixture infrastructure)
{
    private const int Candles = 60;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly (string Venue, string Symbol)[] Markets = [("KRAKEN", "BTC/USD"), ("COINBASE", "ETH/USD")];
    private static readonly (string Code, TimeSpan Length)[] Intervals = [("1m", TimeSpan.FromMinutes(1)), ("2m", TimeSpan.FromMinutes(2)), ("1h", TimeSpan.FromHours(1))];

    [Fact]
    public async Task Warm_up_stores_the_history_of_every_series_without_publishing_it_and_a_restart_fetches_only_what_is_missing()
    {
        var postgres = await infrastructure.CreateDatabaseAsync();
        var rabbitMq = await infrastructure.CreateVirtualHostAsync();
        var logs = Path.Combine(RepositoryPaths.Root, ".local", "test-logs", "candle-warm-up-" + new Uri(rabbitMq).AbsolutePath.Trim('/'));

        // Three days of real-looking minutes up to an hour from now; the venue's clock is the real one, so minutes appear as time passes.
        // Older minutes are sometimes quiet (one six-minute lull 50 minutes ago); the last half hour always trades, so the venue's
        // forming candle is always the current one, however long the test takes.
        const int days = 3 * 24 * 60;
        var thisMinute = Floor(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
        var tape = FakeOhlcTape.Minutes(
            thisMinute.AddMinutes(-days), days + 60, i => i < days - 30 && (i % 11 == 5 || i is >= days - 50 and < days - 44));
        await using var venues = await FakeOhlcServer.StartAsync(tape, () => DateTimeOffset.UtcNow);
        await using var marketData = new ServiceProcess("market-data", "Trading.MarketData", MarketDataSettings(postgres, rabbitMq, venues.BaseAddress), logs);
        marketData.Start();
        await marketData.WaitUntilReadyAsync(Patience);

        // Ready means warmed: the warm-up holds readiness back until it has finished.
        var first = await RunCandleBuilderAsync(postgres, rabbitMq, logs);
        var afterFirst = await SeriesAsync(postgres);
        var requestsAfterFirst = venues.Requests.Count;

        Assert.All(Series(), key => AssertWarmed(venues, afterFirst[key], key));
        Assert.Contains(afterFirst[("KRAKEN", "BTC/USD", "1m")].Candles.TakeLast(Candles), c => c.IsSynthetic);
        Assert.Contains(afterFirst[("COINBASE", "ETH/USD", "2m")].Candles.TakeLast(Candles), c => c.IsSynthetic);
        Assert.All(WarmedLines(first), line => Assert.Equal(line.Fetched, line.Inserted));
        Assert.Equal(Series().Count(), WarmedLines(first).Count);
        Assert.Equal(0L, await ScalarAsync(postgres, "SELECT count(*) FROM candle_builder.outbox_messages WHERE message_type LIKE '%CandleClosed%'"));

        // A stale open candle of an old interval and the last six stored minutes lost: the next start must fetch exactly those.
        var damaged = ("KRAKEN", "BTC/USD", "1m");
        var damagedEnd = afterFirst[damaged].End;
        await ExecuteAsync(
            postgres,
            """
            DELETE FROM candle_builder.candles WHERE venue = 'KRAKEN' AND symbol = 'BTC/USD' AND "interval" = '1m' AND opened_at >= @from;
            UPDATE candle_builder.open_candles
            SET closed_until = @from, opened_at = @from, closed_at = @from + interval '1 minute', open = 1, high = 1, low = 1, close = 1,
                volume = 1, trade_count = 1
            WHERE venue = 'KRAKEN' AND symbol = 'BTC/USD' AND "interval" = '1m';
            """,
            new { from = damagedEnd.AddMinutes(-6).UtcDateTime });

        // A trade queued while candle-builder was down waits for the warm-up: applied first, it would close the stale candle and
        // fill the lost minutes with flat candles, published as news. Quiet candles are not closed here, so it closes nothing.
        await using var trades = await ReplayBus.StartAsync(rabbitMq);
        var queued = QueuedTrade(DateTimeOffset.UtcNow);
        await trades.PublishAsync(queued, queued.BatchId);

        var second = await RunCandleBuilderAsync(postgres, rabbitMq, logs, closeQuietCandles: false, consumedBeforeStop: queued.BatchId);
        var afterSecond = await SeriesAsync(postgres);
        var secondRequests = venues.Requests.Skip(requestsAfterFirst).ToList();

        Assert.All(Series(), key => AssertWarmed(venues, afterSecond[key], key));
        var expectedNew = Series().ToDictionary(key => key, key => Slots(afterFirst[key].End, afterSecond[key].End, key.Interval) + (key == damaged ? 6 : 0));
        Assert.Equal(expectedNew, WarmedLines(second).ToDictionary(line => (line.Venue, line.Symbol, line.Interval), line => line.Inserted));
        Assert.Equal(expectedNew.Count(pair => pair.Value > 0), secondRequests.Count);
        Assert.Equal(0L, await ScalarAsync(postgres, "SELECT count(*) FROM candle_builder.outbox_messages WHERE message_type LIKE '%CandleClosed%'"));

        // GetCandleHistory answers the newest stored candles, oldest first, from either instance's table (here the only one).
        await using var third = new ServiceProcess("candle-builder", "Trading.CandleBuilder", CandleBuilderSettings(postgres, rabbitMq), logs);
        third.Start();
        await third.WaitUntilReadyAsync(Patience);
        var client = trades.Bus.CreateRequestClient<GetCandleHistory>(new Uri("queue:candle-builder-get-candle-history"));
        var response = await client.GetResponse<CandleHistory>(new GetCandleHistory { Venue = "COINBASE", Symbol = "ETH/USD", Interval = "1h", Count = 5 });
        var stored = afterSecond[("COINBASE", "ETH/USD", "1h")].Candles.TakeLast(5).ToList();

        Assert.Equal(stored.Select(c => (c.OpenedAt, c.Open, c.High, c.Low, c.Close, c.Volume, c.IsSynthetic)), response.Message.Candles.Select(c => (c.OpenedAt, c.Open, c.High, c.Low, c.Close, c.Volume, c.IsSynthetic)));
        Assert.All(response.Message.Candles.Where(c => !c.IsSynthetic), c => Assert.Null(c.TradeCount));
        var refused = await Assert.ThrowsAsync<RequestFaultException>(
            () => client.GetResponse<CandleHistory>(new GetCandleHistory { Venue = "COINBASE", Symbol = "ETH/USD", Interval = "7m", Count = 5 }));
        Assert.Contains("'7m' is not an interval code", refused.Fault!.Exceptions[0].Message, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Venue, string Symbol, string Interval)> Series() =>
        Markets.SelectMany(m => Intervals.Select(i => (m.Venue, m.Symbol, i.Code)));

    /// <summary>The last <see cref="Candles"/> candles before the series' end are all stored, equal to the venue's, and the state follows them.</summary>
    private static void AssertWarmed(FakeOhlcServer venues, StoredSeries series, (string Venue, string Symbol, string Interval) key)
    {
        var length = Intervals.Single(i => i.Code == key.Interval).Length;
        var window = series.Candles.Where(c => c.OpenedAt >= series.End - (length * Candles)).ToList();
        Assert.True(window.Count == Candles, $"{key}: {window.Count} candles in the window ending {series.End:O}");
        Assert.Equal(Enumerable.Range(0, Candles).Select(i => series.End - (length * (Candles - i))), window.Select(c => c.OpenedAt));

        var buckets = venues.Aggregated(length, window[0].OpenedAt, series.End).ToDictionary(r => r.Start);
        var previousClose = (decimal?)null;
        foreach (var candle in window)
        {
            if (buckets.TryGetValue(candle.OpenedAt, out var bucket))
            {
                var count = key.Venue == "KRAKEN" ? bucket.Count : 0;
                Assert.Equal((bucket.Open, bucket.High, bucket.Low, bucket.Close, bucket.Volume, count, false), (candle.Open, candle.High, candle.Low, candle.Close, candle.Volume, candle.TradeCount, candle.IsSynthetic));
            }
            else
            {
                Assert.True(candle.IsSynthetic, $"{key} {candle.OpenedAt:O} has no trade at the venue");
                Assert.Equal(previousClose ?? candle.Close, candle.Close);
                Assert.Equal((candle.Close, candle.Close, candle.Close, 0m), (candle.Open, candle.High, candle.Low, candle.Volume));
            }

            previousClose = candle.Close;
        }

        Assert.Equal(series.End, series.ClosedUntil);
        Assert.Equal(window[^1].Close, series.LastClose);
    }

    private static int Slots(DateTimeOffset from, DateTimeOffset to, string interval) =>
        (int)((to - from) / Intervals.Single(i => i.Code == interval).Length);

    private static TradesReceived QueuedTrade(DateTimeOffset at) => new()
    {
        BatchId = Guid.NewGuid(),
        Venue = "KRAKEN",
        Symbol = "BTC/USD",
        Trades = [new Trade { TradeId = "queued-1", Price = 100m, Quantity = 1m, Side = TradeSide.Buy, ExchangeTime = at, ReceivedAt = at }],
    };

    private async Task<string> RunCandleBuilderAsync(
        string postgres, string rabbitMq, string logs, bool closeQuietCandles = true, Guid? consumedBeforeStop = null)
    {
        var settings = CandleBuilderSettings(postgres, rabbitMq);
        settings["CandleBuilder__CloseQuietCandles"] = closeQuietCandles ? "true" : "false";
        await using var process = new ServiceProcess("candle-builder", "Trading.CandleBuilder", settings, logs);
        process.Start();
        await process.WaitUntilReadyAsync(Patience);
        if (consumedBeforeStop is { } batchId)
        {
            await WaitUntilConsumedAsync(postgres, batchId);
        }
        await process.StopAsync();
        return process.Output;
    }

    private static async Task WaitUntilConsumedAsync(string postgres, Guid batchId)
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (await ScalarAsync(postgres, $"SELECT count(*) FROM candle_builder.inbox_messages WHERE message_id = '{batchId}'") == 0)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"candle-builder did not consume trade batch {batchId} within {Patience}");
            await Task.Delay(100);
        }
    }

    /// <summary>The "Warmed ..." entries of a run's JSON log.</summary>
    private static List<WarmedLine> WarmedLines(string output) =>
        [.. output.Split('\n')
            .Where(line => line.StartsWith('{') && line.Contains("Warmed ", StringComparison.Ordinal))
            .Select(line => WarmedPattern().Match(JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()!))
            .Where(match => match.Success)
            .Select(match => new WarmedLine(
                match.Groups["venue"].Value,
                match.Groups["symbol"].Value,
                match.Groups["interval"].Value,
                int.Parse(match.Groups["fetched"].Value, CultureInfo.InvariantCulture),
                int.Parse(match.Groups["inserted"].Value, CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"^Warmed (?<venue>\S+) (?<symbol>\S+) (?<interval>\S+): \d+ stored, (?<fetched>\d+) fetched \((?<inserted>\d+) new\)")]
    private static partial Regex WarmedPattern();

    private static Dictionary<string, string> MarketDataSettings(string postgres, string rabbitMq, Uri venues) => new()
    {
        ["ConnectionStrings__Postgres"] = postgres,
        ["ConnectionStrings__RabbitMq"] = rabbitMq,

        // Live, so no replay file is needed, towards a WebSocket that refuses: no trade ever flows, only REST history.
        ["MarketData__Source"] = "Live",
        ["LiveFeed__Venues__0"] = "KRAKEN",
        ["LiveFeed__Symbols__0"] = "BTC/USD",
        ["LiveFeed__KrakenWebSocket"] = "ws://127.0.0.1:9/",
        ["LiveFeed__KrakenRest"] = venues.ToString(),
        ["LiveFeed__CoinbaseRest"] = venues.ToString(),
    };

    private static Dictionary<string, string> CandleBuilderSettings(string postgres, string rabbitMq)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__RabbitMq"] = rabbitMq,
            ["CandleBuilder__WarmUp__Candles"] = Candles.ToString(CultureInfo.InvariantCulture),
            ["CandleBuilder__WarmUp__RequestTimeout"] = "00:00:20",
        };
        for (var i = 0; i < Markets.Length; i++)
        {
            settings[$"CandleBuilder__WarmUp__Markets__{i}"] = $"{Markets[i].Venue}:{Markets[i].Symbol}";
        }

        for (var i = 0; i < Intervals.Length; i++)
        {
            settings[$"CandleBuilder__Intervals__{i}"] = Intervals[i].Code;
        }

        return settings;
    }

    private static async Task<Dictionary<(string Venue, string Symbol, string Interval), StoredSeries>> SeriesAsync(string postgres)
    {
        await using var connection = new NpgsqlConnection(postgres);
        var candles = (await connection.QueryAsync<HistoryRow>(
            """
            SELECT venue AS Venue, symbol AS Symbol, "interval" AS Interval, opened_at AS OpenedAt, open AS Open, high AS High, low AS Low,
                   close AS Close, volume AS Volume, trade_count AS TradeCount, is_synthetic AS IsSynthetic
            FROM candle_builder.candles ORDER BY opened_at
            """)).ToList();
        var states = (await connection.QueryAsync<StateRow>(
            """
            SELECT venue AS Venue, symbol AS Symbol, "interval" AS Interval, closed_until AS ClosedUntil, last_close AS LastClose, opened_at AS OpenedAt
            FROM candle_builder.open_candles
            """)).ToDictionary(s => (s.Venue, s.Symbol, s.Interval));
        return Series().ToDictionary(key => key, key =>
        {
            var series = candles.Where(c => (c.Venue, c.Symbol, c.Interval) == key).ToList();
            var length = Intervals.Single(i => i.Code == key.Interval).Length;
            var state = states.GetValueOrDefault(key);
            return new StoredSeries(
                series.Select(c => new StoredHistoryCandle(Utc(c.OpenedAt), c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount, c.IsSynthetic)).ToList(),
                series.Count == 0 ? DateTimeOffset.MinValue : Utc(series[^1].OpenedAt) + length,
                state?.ClosedUntil is { } until ? Utc(until) : null,
                state?.LastClose,
                state?.OpenedAt is { } opened ? Utc(opened) : null);
        });
    }

    private static async Task<long> ScalarAsync(string postgres, string sql)
    {
        await using var connection = new NpgsqlConnection(postgres);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task ExecuteAsync(string postgres, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.ExecuteAsync(sql, parameters);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static DateTimeOffset Floor(DateTimeOffset time, TimeSpan length) => new(time.UtcTicks - (time.UtcTicks % length.Ticks), TimeSpan.Zero);

    private sealed record WarmedLine(string Venue, string Symbol, string Interval, int Fetched, int Inserted);

    private sealed record StoredHistoryCandle(DateTimeOffset OpenedAt, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, int TradeCount, bool IsSynthetic);

    private sealed record StoredSeries(IReadOnlyList<StoredHistoryCandle> Candles, DateTimeOffset End, DateTimeOffset? ClosedUntil, decimal? LastClose, DateTimeOffset? OpenCandleAt);

    private sealed record HistoryRow
    {
        public required string Venue { get; init; }

        public required string Symbol { get; init; }

        public required string Interval { get; init; }

        public required DateTime OpenedAt { get; init; }

        public required decimal Open { get; init; }

        public required decimal High { get; init; }

        public required decimal Low { get; init; }

        public required decimal Close { get; init; }

        public required decimal Volume { get; init; }

        public required int TradeCount { get; init; }

        public required bool IsSynthetic { get; init; }
    }

    private sealed record StateRow
    {
        public required string Venue { get; init; }

        public required string Symbol { get; init; }

        public required string Interval { get; init; }

        public DateTime? ClosedUntil { get; init; }

        public decimal? LastClose { get; init; }

        public DateTime? OpenedAt { get; init; }
    }
}
