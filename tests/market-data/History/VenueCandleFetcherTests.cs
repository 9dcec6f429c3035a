using Microsoft.Extensions.Logging.Abstractions;
using Trading.Contracts.Candles;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.History;

namespace Trading.MarketData.Tests.History;

public sealed class VenueCandleFetcherTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2025, 11, 10, 12, 0, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset Minute = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    // 1000 finished minutes and the forming one; every 7th minute and four minutes in a row (two whole 2m bars) had no trade.
    private static readonly IReadOnlyList<FakeOhlcRow> Tape =
        FakeOhlcTape.Minutes(Minute.AddMinutes(-1000), 1001, i => i % 7 == 3 || i is >= 600 and < 604);

    private readonly ManualTimeProvider _time = new(Now);
    private readonly List<HttpClient> _clients = [];
    private FakeOhlcServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOhlcServer.StartAsync(Tape, _time.GetUtcNow);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Kraken_answers_the_closed_candles_of_the_range_with_their_trade_counts_and_leaves_out_the_forming_one()
    {
        var from = Minute.AddMinutes(-100);

        var history = await Fetcher().FetchAsync(Request(Venues.Kraken, "1m", from, Minute.AddMinutes(5)), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromMinutes(1), from, Minute, withCounts: true), Rows(history));
        Assert.Equal(["/0/public/OHLC?pair=XXBTZUSD&interval=1&since=" + (from.ToUnixTimeSeconds() - 1)], _server.Requests);
        Assert.Equal(("KRAKEN", "BTC/USD", "1m"), (history.Venue, history.Symbol, history.Interval));
    }

    [Fact]
    public async Task Kraken_is_paged_until_the_forming_candle_when_it_answers_fewer_rows_than_there_are()
    {
        _server.KrakenPageRows = 30;
        var from = Minute.AddMinutes(-100);

        var history = await Fetcher().FetchAsync(Request(Venues.Kraken, "1m", from, Minute), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromMinutes(1), from, Minute, withCounts: true), Rows(history));
        Assert.True(_server.Requests.Count >= 3, string.Join("\n", _server.Requests));
    }

    [Fact]
    public async Task Coinbase_is_paged_in_windows_of_350_buckets_and_gives_no_trade_counts()
    {
        var from = Minute.AddMinutes(-800);

        var history = await Fetcher().FetchAsync(Request(Venues.Coinbase, "1m", from, Minute), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromMinutes(1), from, Minute, withCounts: false), Rows(history));
        Assert.Equal(3, _server.Requests.Count);
        Assert.All(history.Candles.Where(c => !c.IsSynthetic), c => Assert.Null(c.QuoteVolume));
    }

    [Fact]
    public async Task Coinbase_leaves_out_the_bucket_still_forming()
    {
        var history = await Fetcher().FetchAsync(Request(Venues.Coinbase, "5m", Minute.AddMinutes(-30), Minute.AddMinutes(10)), CancellationToken.None);

        Assert.Equal(Minute, history.Candles[^1].ClosedAt);
        Assert.Contains($"end={Minute.ToUnixTimeSeconds()}&", _server.Requests.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Venues.Kraken, "interval=1&")]
    [InlineData(Venues.Coinbase, "granularity=ONE_MINUTE")]
    public async Task Two_minute_candles_are_merged_from_one_minute_candles_and_equal_the_independent_sums(string venue, string asked)
    {
        var from = Minute.AddMinutes(-600);

        var history = await Fetcher().FetchAsync(Request(venue, "2m", from, Minute), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromMinutes(2), from, Minute, withCounts: venue == Venues.Kraken), Rows(history));
        Assert.Equal(300, history.Candles.Count);
        Assert.Contains(history.Candles, c => c.IsSynthetic);
        Assert.All(_server.Requests, request => Assert.Contains(asked, request, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Four_hour_candles_on_Coinbase_are_built_from_two_hour_candles()
    {
        var end = new DateTimeOffset(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);
        var from = end.AddHours(-12);

        var history = await Fetcher().FetchAsync(Request(Venues.Coinbase, "4h", from, end), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromHours(4), from, end, withCounts: false), Rows(history));
        Assert.Equal(3, history.Candles.Count);
        Assert.Contains("granularity=TWO_HOUR", _server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kraken_quote_volume_is_vwap_times_volume()
    {
        var history = await Fetcher().FetchAsync(Request(Venues.Kraken, "1m", Minute.AddMinutes(-10), Minute), CancellationToken.None);

        var expected = Tape.Where(r => r.Start >= Minute.AddMinutes(-10) && r.Start < Minute).Select(r => r.Vwap * r.Volume);
        Assert.Equal(expected, history.Candles.Where(c => !c.IsSynthetic).Select(c => c.QuoteVolume!.Value));
    }

    [Theory]
    [InlineData(Venues.Kraken, "spot-rest/error.EQuery-Unknown-asset-pair.json", 200, "EQuery:Unknown asset pair")]
    [InlineData(Venues.Coinbase, "advanced-trade-rest/error.http.401-unauthorized.observed.json", 401, "UNAUTHORIZED: Unauthorized")]
    public async Task A_venue_error_fails_with_the_series_the_range_and_the_venues_message(string venue, string fixture, int status, string said)
    {
        _server.FailNext(venue == Venues.Kraken ? KrakenFixtures.ReadBytes(fixture) : CoinbaseFixtures.ReadBytes(fixture), status);
        var from = Minute.AddMinutes(-10);

        var error = await Assert.ThrowsAsync<VenueHistoryException>(() => Fetcher().FetchAsync(Request(venue, "1m", from, Minute), CancellationToken.None));

        Assert.StartsWith($"Cannot fetch {venue} BTC/USD 1m candles [{from:O}, {Minute:O}): ", error.Message, StringComparison.Ordinal);
        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.IsType<VenueRequestException>(error.InnerException);
    }

    [Fact]
    public async Task A_rate_limit_is_retried_and_the_range_still_answered()
    {
        _server.FailNext(KrakenFixtures.ReadBytes("spot-rest/error.EAPI-Rate-limit-exceeded.json"));
        var from = Minute.AddMinutes(-10);

        var history = await Fetcher().FetchAsync(Request(Venues.Kraken, "1m", from, Minute), CancellationToken.None);

        Assert.Equal(Independent(TimeSpan.FromMinutes(1), from, Minute, withCounts: true), Rows(history));
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_rate_limit_that_lasts_fails_after_three_attempts()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.FailNext(KrakenFixtures.ReadBytes("spot-rest/error.EAPI-Rate-limit-exceeded.json"));
        }

        var error = await Assert.ThrowsAsync<VenueHistoryException>(
            () => Fetcher().FetchAsync(Request(Venues.Kraken, "1m", Minute.AddMinutes(-10), Minute), CancellationToken.None));

        Assert.Contains("EAPI:Rate limit exceeded", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _server.Requests.Count);
    }

    [Theory]
    [InlineData("KRAKEN_FUTURES", "BTC/USD", "1m", 0, "Venue 'KRAKEN_FUTURES' has no REST candle history; use KRAKEN or COINBASE.")]
    [InlineData("KRAKEN", "DOGE/USD", "1m", 0, "Symbol 'DOGE/USD' has no Kraken REST pair.")]
    [InlineData("COINBASE", "DOGE/USD", "1m", 0, "Symbol 'DOGE/USD' is not supported on COINBASE.")]
    [InlineData("KRAKEN", "BTC/USD", "3m", 0, "'3m' is not an interval code")]
    [InlineData("KRAKEN", "BTC/USD", "5m", 1, "the range must start and end on 5m boundaries")]
    public async Task A_request_that_cannot_be_answered_fails_without_asking_the_venue(string venue, string symbol, string interval, int offsetMinutes, string said)
    {
        var request = new FetchVenueCandles
        {
            Venue = venue,
            Symbol = symbol,
            Interval = interval,
            StartAt = Minute.AddMinutes(-60 + offsetMinutes),
            EndAt = Minute,
        };

        var error = await Assert.ThrowsAsync<VenueHistoryException>(() => Fetcher().FetchAsync(request, CancellationToken.None));

        Assert.Contains(said, error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_range_of_candles_not_yet_closed_is_answered_empty_without_asking_the_venue()
    {
        var history = await Fetcher().FetchAsync(Request(Venues.Kraken, "1h", Minute, Minute.AddHours(2)), CancellationToken.None);

        Assert.Empty(history.Candles);
        Assert.Empty(_server.Requests);
    }

    private static FetchVenueCandles Request(string venue, string interval, DateTimeOffset from, DateTimeOffset to) => new()
    {
        Venue = venue,
        Symbol = "BTC/USD",
        Interval = interval,
        StartAt = from,
        EndAt = to,
    };

    private VenueCandleFetcher Fetcher()
    {
        var kraken = new HttpClient { BaseAddress = _server.BaseAddress };
        var coinbase = new HttpClient { BaseAddress = _server.BaseAddress };
        _clients.Add(kraken);
        _clients.Add(coinbase);
        return new VenueCandleFetcher(
            new KrakenRestClient(kraken, new RequestPacer(TimeSpan.Zero, _time)),
            new CoinbaseRestClient(coinbase, new RequestPacer(TimeSpan.Zero, _time)),
            _time,
            NullLogger.Instance,
            rateLimitDelay: TimeSpan.Zero);
    }

    private static List<Row> Rows(CandleHistory history) =>
        [.. history.Candles.Select(c => new Row(c.OpenedAt, c.ClosedAt, c.Open, c.High, c.Low, c.Close, c.Volume, c.TradeCount, c.IsSynthetic))];

    /// <summary>The candles of the tape by hand: sums per bucket, and a flat candle for a bucket without trades after a known close.</summary>
    private static List<Row> Independent(TimeSpan length, DateTimeOffset from, DateTimeOffset to, bool withCounts)
    {
        var buckets = Tape.Where(r => r.Start >= from && r.Start < to)
            .GroupBy(r => new DateTimeOffset(r.Start.UtcTicks - (r.Start.UtcTicks % length.Ticks), TimeSpan.Zero))
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.Start).ToList());
        var rows = new List<Row>();
        decimal? previousClose = null;
        for (var t = from; t < to; t += length)
        {
            if (buckets.TryGetValue(t, out var bucket))
            {
                rows.Add(new Row(
                    t, t + length, bucket[0].Open, bucket.Max(r => r.High), bucket.Min(r => r.Low), bucket[^1].Close, bucket.Sum(r => r.Volume),
                    withCounts ? bucket.Sum(r => r.Count) : null, false));
                previousClose = bucket[^1].Close;
            }
            else if (previousClose is { } close)
            {
                rows.Add(new Row(t, t + length, close, close, close, close, 0m, 0, true));
            }
        }

        return rows;
    }

    private sealed record Row(
        DateTimeOffset OpenedAt, DateTimeOffset ClosedAt, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume, int? TradeCount, bool IsSynthetic);
}
