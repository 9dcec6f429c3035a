using System.Net;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Tests.Exchange.Coinbase;
using Trading.Markets;

namespace Trading.MarketData.Tests.Exchange.Rest;

public sealed class CoinbaseRestClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 9, 30, 1, 45, 0, TimeSpan.Zero);

    // CONSTRUCTED (no fixture exists for this response): the documented shape of
    // GET /api/v3/brokerage/market/products/{product_id}/ticker, newest trade first, with the two trades of the
    // observed WebSocket capture (market_trades.update.observed.json) plus one earlier trade.
    private const string TickerBody = """
        {"trades":[
          {"trade_id":"846149799","product_id":"ETH-USD","price":"2668.36","size":"1","time":"2026-09-30T01:41:25.375232Z","side":"BUY","bid":"","ask":"","exchange":""},
          {"trade_id":"846149798","product_id":"ETH-USD","price":"2668.35","size":"0.03710506","time":"2026-09-30T01:41:25.375232Z","side":"SELL","bid":"","ask":"","exchange":""},
          {"trade_id":"846149790","product_id":"ETH-USD","price":"2668.10","size":"0.5","time":"2026-09-30T01:41:24.1Z","side":"BUY","bid":"","ask":"","exchange":""}
        ],"best_bid":"2668.35","best_ask":"2668.36"}
        """;

    // CONSTRUCTED from the documented candles shape (candles.response.json has a single row): three buckets, newest first.
    private const string ThreeCandlesBody = """
        {"candles":[
          {"start":"1759196580","low":"113950.01","high":"114010.5","open":"113990","close":"114001.27","volume":"3.50120001"},
          {"start":"1759196520","low":"113900","high":"114000","open":"113912.44","close":"113990.00","volume":"0.00000001"},
          {"start":"1759196460","low":"113888.8","high":"113950","open":"113901","close":"113912.44","volume":"12.3"}
        ]}
        """;

    private readonly ManualTimeProvider _time = new(Now);
    private ScriptedHttpServer _server = null!;
    private HttpClient _http = null!;
    private CoinbaseRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedHttpServer.StartAsync();
        _http = _server.CreateClient();
        _client = new CoinbaseRestClient(_http, new RequestPacer(TimeSpan.Zero, _time));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Candles_fixture_is_parsed_exactly()
    {
        _server.Respond(CoinbaseFixtures.ReadBytes("advanced-trade-rest/candles.response.json"));

        var candles = await _client.GetCandlesAsync(
            "BTC-USD", "ONE_MINUTE", Unix(1639508040), Unix(1639508100), CancellationToken.None);

        Assert.Equal([Candle(1639508050, 60, 140.21m, 140.21m, 140.21m, 140.21m, 56437345m)], candles);
    }

    [Fact]
    public async Task Candles_request_carries_unix_range_and_granularity_in_the_query()
    {
        _server.Respond(CoinbaseFixtures.ReadBytes("advanced-trade-rest/candles.response.json"));

        await _client.GetCandlesAsync("BTC-USD", "FIVE_MINUTE", Unix(1639500000), Unix(1639505000), CancellationToken.None);

        Assert.Equal(
            ["/api/v3/brokerage/market/products/BTC-USD/candles?start=1639500000&end=1639505000&granularity=FIVE_MINUTE"],
            _server.Requests);
    }

    [Fact]
    public async Task Candles_come_back_oldest_first_with_exact_decimals()
    {
        _server.Respond(ThreeCandlesBody);

        var candles = await _client.GetCandlesAsync("BTC-USD", "ONE_MINUTE", Unix(1759196460), Unix(1759196640), CancellationToken.None);

        Assert.Equal(
            [
                Candle(1759196460, 60, 113901m, 113950m, 113888.8m, 113912.44m, 12.3m),
                Candle(1759196520, 60, 113912.44m, 114000m, 113900m, 113990.00m, 0.00000001m),
                Candle(1759196580, 60, 113990m, 114010.5m, 113950.01m, 114001.27m, 3.50120001m),
            ],
            candles);
    }

    [Fact]
    public async Task Candles_range_of_exactly_350_buckets_is_asked_in_one_call()
    {
        _server.Respond("""{"candles":[]}""");

        var candles = await _client.GetCandlesAsync("BTC-USD", "ONE_HOUR", Unix(1759190400), Unix(1759190400 + 350 * 3600), CancellationToken.None);

        Assert.Empty(candles);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("ONE_MINUTE", 351 * 60)]
    [InlineData("ONE_MINUTE", 350 * 60 + 1)]
    [InlineData("ONE_DAY", 351 * 86400)]
    public async Task Candles_range_over_350_buckets_is_refused_without_a_request(string granularity, long seconds)
    {
        var call = () => _client.GetCandlesAsync("BTC-USD", granularity, Unix(1759190400), Unix(1759190400 + seconds), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(call);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("1m", 0, 60)]
    [InlineData("ONE_MINUTE", 60, 60)]
    [InlineData("ONE_MINUTE", 60, 0)]
    public async Task Candles_with_an_unknown_granularity_or_empty_range_are_refused(string granularity, long startOffset, long endOffset)
    {
        var call = () => _client.GetCandlesAsync("BTC-USD", granularity, Unix(1759190400 + startOffset), Unix(1759190400 + endOffset), CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(call);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Trades_come_back_oldest_first_with_the_taker_side()
    {
        _server.Respond(TickerBody);

        var trades = await _client.GetTradesAsync("ETH-USD", 3, CancellationToken.None);

        var at = new DateTimeOffset(2026, 9, 30, 1, 41, 25, TimeSpan.Zero).AddTicks(3752320);
        Assert.Equal(
            [
                new VenueTrade("ETH-USD", "846149790", 2668.10m, 0.5m, TradeSide.Sell, new DateTimeOffset(2026, 9, 30, 1, 41, 24, 100, TimeSpan.Zero)),
                new VenueTrade("ETH-USD", "846149798", 2668.35m, 0.03710506m, TradeSide.Buy, at),
                new VenueTrade("ETH-USD", "846149799", 2668.36m, 1m, TradeSide.Sell, at),
            ],
            trades);
    }

    [Fact]
    public async Task Trade_time_with_nanoseconds_is_kept_to_the_tick()
    {
        _server.Respond("""{"trades":[{"trade_id":"1","product_id":"BTC-USD","price":"1","size":"1","time":"2026-09-30T01:41:25.123456789Z","side":"SELL"}]}""");

        var trades = await _client.GetTradesAsync("BTC-USD", 1, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2026, 9, 30, 1, 41, 25, TimeSpan.Zero).AddTicks(1234568), Assert.Single(trades).ExchangeTime);
    }

    [Fact]
    public async Task Trades_request_carries_the_limit_in_the_query()
    {
        _server.Respond("""{"trades":[],"best_bid":"","best_ask":""}""");

        await _client.GetTradesAsync("BTC-USD", 100, CancellationToken.None);

        Assert.Equal(["/api/v3/brokerage/market/products/BTC-USD/ticker?limit=100"], _server.Requests);
    }

    [Fact]
    public async Task Rate_limit_with_retry_after_is_reported_with_the_wait()
    {
        _server.Respond("""{"error":"RESOURCE_EXHAUSTED","code":8,"message":"Too many requests"}""", 429, ("Retry-After", "7"));

        var exception = await Assert.ThrowsAsync<VenueRequestException>(
            () => _client.GetCandlesAsync("BTC-USD", "ONE_MINUTE", Unix(1639508040), Unix(1639508100), CancellationToken.None));

        Assert.Equal("COINBASE", exception.Venue);
        Assert.Equal("/api/v3/brokerage/market/products/{product_id}/candles", exception.Endpoint);
        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.True(exception.IsRateLimit);
        Assert.True(exception.IsRetryable);
        Assert.Equal(TimeSpan.FromSeconds(7), exception.RetryAfter);
        Assert.Equal(["RESOURCE_EXHAUSTED: Too many requests"], exception.Errors);
    }

    [Fact]
    public async Task Rate_limit_with_a_reset_time_is_reported_with_the_wait_until_then()
    {
        var reset = Now.AddSeconds(3).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _server.Respond("", 429, ("x-ratelimit-reset", reset));

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("BTC-USD", 10, CancellationToken.None));

        Assert.True(exception.IsRateLimit);
        Assert.Equal(TimeSpan.FromSeconds(3), exception.RetryAfter);
        Assert.Equal(["HTTP 429 Too Many Requests"], exception.Errors);
    }

    [Fact]
    public async Task Rate_limit_without_a_hint_has_no_retry_after()
    {
        _server.Respond("", 429);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("BTC-USD", 10, CancellationToken.None));

        Assert.True(exception.IsRateLimit);
        Assert.Null(exception.RetryAfter);
    }

    [Fact]
    public async Task Unauthorized_fixture_is_a_failure_not_worth_retrying()
    {
        _server.Respond(CoinbaseFixtures.ReadBytes("advanced-trade-rest/error.http.401-unauthorized.observed.json"), 401);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("BTC-USD", 10, CancellationToken.None));

        Assert.Equal(["UNAUTHORIZED: Unauthorized"], exception.Errors);
        Assert.Equal(HttpStatusCode.Unauthorized, exception.StatusCode);
        Assert.False(exception.IsRateLimit);
        Assert.False(exception.IsRetryable);
        Assert.Equal("/api/v3/brokerage/market/products/{product_id}/ticker", exception.Endpoint);
    }

    [Fact]
    public async Task Server_error_is_retryable_but_not_a_rate_limit()
    {
        _server.Respond(CoinbaseFixtures.ReadBytes("advanced-trade-rest/error.http.schema-example.json"), 503);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("BTC-USD", 10, CancellationToken.None));

        Assert.Equal(["<string>: <string>"], exception.Errors);
        Assert.False(exception.IsRateLimit);
        Assert.True(exception.IsRetryable);
    }

    [Theory]
    [InlineData("""{"candles":[{"start":"1639508050","low":"140.21","high":"140.21","open":"140.21","close":"140.21"}]}""")]
    [InlineData("""{"candles":[{"start":"soon","low":"140.21","high":"140.21","open":"140.21","close":"140.21","volume":"1"}]}""")]
    [InlineData("""{"candles":[{"start":"1639508050","low":"0","high":"140.21","open":"140.21","close":"140.21","volume":"1"}]}""")]
    [InlineData("""{"candles":[{"start":"1639508050","low":"1,5","high":"140.21","open":"140.21","close":"140.21","volume":"1"}]}""")]
    [InlineData("""{"candles":{}}""")]
    [InlineData("""{"candles":[""")]
    public async Task Candles_response_that_breaks_the_protocol_is_a_non_retryable_failure(string body)
    {
        _server.Respond(body);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(
            () => _client.GetCandlesAsync("BTC-USD", "ONE_MINUTE", Unix(1639508040), Unix(1639508100), CancellationToken.None));

        Assert.StartsWith("malformed response: ", Assert.Single(exception.Errors));
        Assert.False(exception.IsRetryable);
    }

    [Theory]
    [InlineData("""{"trades":[{"trade_id":"1","product_id":"BTC-USD","price":"1","size":"1","time":"2026-09-30T01:41:25Z","side":"UNKNOWN_ORDER_SIDE"}]}""")]
    [InlineData("""{"trades":[{"trade_id":"1","product_id":"BTC-USD","price":"1","size":"1","time":"yesterday","side":"BUY"}]}""")]
    [InlineData("""{"trades":[{"product_id":"BTC-USD","price":"1","size":"1","time":"2026-09-30T01:41:25Z","side":"BUY"}]}""")]
    [InlineData("""{"trades":[{"trade_id":"1","product_id":"BTC-USD","price":"1","size":"0","time":"2026-09-30T01:41:25Z","side":"BUY"}]}""")]
    public async Task Trades_response_that_breaks_the_protocol_is_a_non_retryable_failure(string body)
    {
        _server.Respond(body);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("BTC-USD", 10, CancellationToken.None));

        Assert.StartsWith("malformed response: ", Assert.Single(exception.Errors));
        Assert.False(exception.IsRetryable);
    }

    [Fact]
    public async Task Second_call_waits_100_ms_for_the_default_pacing()
    {
        var client = new CoinbaseRestClient(_http, new RequestPacer(CoinbaseRestClient.DefaultSpacing, _time));
        _server.Respond(TickerBody);
        _server.Respond(TickerBody);
        await client.GetTradesAsync("ETH-USD", 3, CancellationToken.None);

        var second = client.GetTradesAsync("ETH-USD", 3, CancellationToken.None);
        var requestsBeforeTheSecondPassed = _server.Requests.Count;
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(100), CoinbaseRestClient.DefaultSpacing);
        Assert.Equal(1, requestsBeforeTheSecondPassed);
        Assert.Equal(2, _server.Requests.Count);
    }

    private static DateTimeOffset Unix(long seconds) => DateTimeOffset.FromUnixTimeSeconds(seconds);

    private static Candle Candle(long start, int seconds, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new()
        {
            OpenedAt = Unix(start),
            ClosedAt = Unix(start + seconds),
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = volume,
            TradeCount = 0,
            IsSynthetic = false,
        };
}
