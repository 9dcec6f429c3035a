using System.Net;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Tests.Exchange.Kraken;
using Trading.Markets;

namespace Trading.MarketData.Tests.Exchange.Rest;

public sealed class KrakenRestClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2023, 7, 6, 19, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Now);
    private ScriptedHttpServer _server = null!;
    private HttpClient _http = null!;
    private KrakenRestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedHttpServer.StartAsync();
        _http = _server.CreateClient();
        _client = new KrakenRestClient(_http, new RequestPacer(TimeSpan.Zero, _time));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Trades_page_is_parsed_exactly_from_the_fixture()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));

        var page = await _client.GetTradesAsync("XXBTZUSD", null, CancellationToken.None);

        Assert.Equal(
            [
                new VenueTrade("XXBTZUSD", "61044952", 30243.40000m, 0.34507674m, TradeSide.Buy, UnixTime(1688669597, 8277369)),
                new VenueTrade("XXBTZUSD", "61044953", 30243.30000m, 0.00376960m, TradeSide.Sell, UnixTime(1688669598, 2804112)),
                new VenueTrade("XXBTZUSD", "61044956", 30243.30000m, 0.01235716m, TradeSide.Sell, UnixTime(1688669602, 6983790)),
            ],
            page.Trades);
        Assert.Equal("1688671969993150842", page.Last);
        Assert.Equal("XXBTZUSD", page.PairId);
        Assert.Empty(page.Warnings);
    }

    [Fact]
    public async Task Trade_prices_keep_the_venue_scale()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));

        var page = await _client.GetTradesAsync("XXBTZUSD", null, CancellationToken.None);

        Assert.Equal("30243.40000", page.Trades[0].Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.00376960", page.Trades[1].Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Trades_request_carries_pair_and_since_cursor_in_the_query()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));

        await _client.GetTradesAsync("XXBTZUSD", "1688671969993150842", CancellationToken.None);

        Assert.Equal(["/0/public/Trades?pair=XXBTZUSD&since=1688671969993150842"], _server.Requests);
    }

    [Fact]
    public async Task Trades_request_without_cursor_sends_only_the_pair()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));

        await _client.GetTradesAsync("XBTUSD", null, CancellationToken.None);

        Assert.Equal(["/0/public/Trades?pair=XBTUSD"], _server.Requests);
    }

    [Fact]
    public async Task Trades_keyed_by_pair_id_are_found_when_the_altname_was_asked()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));

        var page = await _client.GetTradesAsync("XBTUSD", null, CancellationToken.None);

        Assert.Equal("XXBTZUSD", page.PairId);
        Assert.Equal(3, page.Trades.Count);
        Assert.All(page.Trades, trade => Assert.Equal("XBTUSD", trade.VenueSymbol));
    }

    [Fact]
    public async Task Ohlc_returns_finished_candles_and_the_last_row_separately_as_unfinished()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-ohlc.response.json"));

        var page = await _client.GetOhlcAsync("XBTUSD", 1, null, CancellationToken.None);

        Assert.Equal(
            [
                OneMinute(1688671200, 30306.1m, 30306.2m, 30305.7m, 30305.7m, 30306.1m, 3.39243896m, 23),
                OneMinute(1688671260, 30304.5m, 30304.5m, 30300.0m, 30300.0m, 30300.0m, 4.42996871m, 18),
                OneMinute(1688671320, 30300.3m, 30300.4m, 30291.4m, 30291.4m, 30294.7m, 2.13024789m, 25),
            ],
            page.Candles);
        Assert.Equal(OneMinute(1688671380, 30291.8m, 30295.1m, 30291.8m, 30295.0m, 30293.8m, 1.01836275m, 9), page.Unfinished);
        Assert.Equal(1688672160, page.Last);
        Assert.Equal("XXBTZUSD", page.PairId);
    }

    [Fact]
    public async Task Ohlc_request_carries_pair_interval_and_since_in_the_query()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-ohlc.response.json"));

        await _client.GetOhlcAsync("XBTUSD", 60, 1688671140, CancellationToken.None);

        Assert.Equal(["/0/public/OHLC?pair=XBTUSD&interval=60&since=1688671140"], _server.Requests);
    }

    [Fact]
    public async Task Ohlc_candles_close_one_interval_after_they_open()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-ohlc.response.json"));

        var page = await _client.GetOhlcAsync("XBTUSD", 240, null, CancellationToken.None);

        Assert.All(page.Candles, candle => Assert.Equal(TimeSpan.FromHours(4), candle.ClosedAt - candle.OpenedAt));
        Assert.Equal(TimeSpan.FromHours(4), page.Unfinished!.ClosedAt - page.Unfinished.OpenedAt);
    }

    [Fact]
    public async Task Ohlc_with_a_single_row_has_no_finished_candle()
    {
        _server.Respond("""{"error":[],"result":{"SOLUSD":[[1688671380,"21.5","21.6","21.4","21.55","21.5","10.5",4]],"last":1688671320}}""");

        var page = await _client.GetOhlcAsync("SOLUSD", 1, null, CancellationToken.None);

        Assert.Empty(page.Candles);
        Assert.Equal(21.55m, page.Unfinished!.Close);
    }

    [Fact]
    public async Task Ohlc_with_no_rows_has_neither_candles_nor_unfinished()
    {
        _server.Respond("""{"error":[],"result":{"SOLUSD":[],"last":1688671320}}""");

        var page = await _client.GetOhlcAsync("SOLUSD", 1, 1688671320, CancellationToken.None);

        Assert.Empty(page.Candles);
        Assert.Null(page.Unfinished);
    }

    [Fact]
    public async Task Ohlc_interval_Kraken_does_not_offer_is_refused_without_a_request()
    {
        var call = () => _client.GetOhlcAsync("XBTUSD", 2, null, CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(call);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("error.EAPI-Rate-limit-exceeded.json", "EAPI:Rate limit exceeded", true, true)]
    [InlineData("error.EOrder-Rate-limit-exceeded.json", "EOrder:Rate limit exceeded", true, true)]
    [InlineData("error.EService-Unavailable.json", "EService:Unavailable", false, true)]
    [InlineData("error.EQuery-Unknown-asset-pair.json", "EQuery:Unknown asset pair", false, false)]
    [InlineData("error.EGeneral-Invalid-arguments.json", "EGeneral:Invalid arguments", false, false)]
    [InlineData("error.EGeneral-Invalid-arguments-ordertype.json", "EGeneral:Invalid arguments:ordertype", false, false)]
    [InlineData("error.EGeneral-Permission-denied.json", "EGeneral:Permission denied", false, false)]
    [InlineData("error.EAPI-Invalid-key.json", "EAPI:Invalid key", false, false)]
    [InlineData("error.EAPI-Invalid-nonce.json", "EAPI:Invalid nonce", false, false)]
    [InlineData("error.EAPI-Invalid-signature.json", "EAPI:Invalid signature", false, false)]
    [InlineData("error.EOrder-Insufficient-funds.json", "EOrder:Insufficient funds", false, false)]
    [InlineData("error.EOrder-Orders-limit-exceeded.json", "EOrder:Orders limit exceeded", false, false)]
    public async Task Error_fixture_throws_with_the_venue_error_and_flags(string fixture, string error, bool isRateLimit, bool isRetryable)
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/" + fixture));

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.Equal("KRAKEN", exception.Venue);
        Assert.Equal("/0/public/Trades", exception.Endpoint);
        Assert.Equal([error], exception.Errors);
        Assert.Equal(isRateLimit, exception.IsRateLimit);
        Assert.Equal(isRetryable, exception.IsRetryable);
        Assert.Null(exception.StatusCode);
    }

    [Theory]
    [InlineData("EGeneral:Too many requests")]
    [InlineData("EGeneral:Temporary lockout")]
    public async Task Other_throttling_errors_are_rate_limits(string error)
    {
        _server.Respond($$"""{"error":["{{error}}"]}""");

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetOhlcAsync("XBTUSD", 1, null, CancellationToken.None));

        Assert.True(exception.IsRateLimit);
        Assert.True(exception.IsRetryable);
        Assert.Equal("/0/public/OHLC", exception.Endpoint);
    }

    [Fact]
    public async Task Throttled_error_tells_how_long_to_wait()
    {
        var until = Now.AddSeconds(12).ToUnixTimeSeconds();
        _server.Respond($$"""{"error":["EService: Throttled: {{until}}"]}""");

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.True(exception.IsRateLimit);
        Assert.Equal(TimeSpan.FromSeconds(12), exception.RetryAfter);
    }

    [Fact]
    public async Task Warnings_alone_do_not_fail_the_call()
    {
        _server.Respond("""{"error":["WGeneral:Deprecated endpoint"],"result":{"XXBTZUSD":[["30243.4","0.5",1688669597.5,"s","l","",61044952]],"last":"1688669597500000000"}}""");

        var page = await _client.GetTradesAsync("XBTUSD", null, CancellationToken.None);

        Assert.Equal(["WGeneral:Deprecated endpoint"], page.Warnings);
        Assert.Equal(UnixTime(1688669597, 5000000), Assert.Single(page.Trades).ExchangeTime);
    }

    [Fact]
    public async Task Warnings_next_to_an_error_are_left_out_of_the_errors()
    {
        _server.Respond("""{"error":["WGeneral:Deprecated endpoint","EService:Unavailable"]}""");

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.Equal(["EService:Unavailable"], exception.Errors);
    }

    [Fact]
    public async Task Cloudflare_rate_limit_status_is_a_rate_limit_with_its_retry_after()
    {
        _server.Respond("<html>rate limited</html>", 429, ("Retry-After", "30"));

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, exception.StatusCode);
        Assert.True(exception.IsRateLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), exception.RetryAfter);
        Assert.Equal(["HTTP 429 Too Many Requests"], exception.Errors);
    }

    [Fact]
    public async Task Gateway_error_is_retryable_but_not_a_rate_limit()
    {
        _server.Respond("<html>bad gateway</html>", 502);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.False(exception.IsRateLimit);
        Assert.True(exception.IsRetryable);
        Assert.Equal(HttpStatusCode.BadGateway, exception.StatusCode);
    }

    [Theory]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","0.5",1688669597.5,"b","l","",1]]""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["0","0.5",1688669597.5,"b","l","",1]],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","-0.5",1688669597.5,"b","l","",1]],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","0.5",1688669597.5,"x","l","",1]],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","0.5",1e400,"b","l","",1]],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","0.5",1688669597.5,"b","l",""]],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[["30243.4","0.5",1688669597.5,"b","l","",1]]}}""")]
    [InlineData("""{"error":[],"result":{"XXBTZUSD":[],"XETHZUSD":[],"last":"1"}}""")]
    [InlineData("""{"error":[],"result":{"last":"1"}}""")]
    [InlineData("""{"error":[]}""")]
    [InlineData("""[]""")]
    public async Task Response_that_breaks_the_protocol_is_a_non_retryable_failure(string body)
    {
        _server.Respond(body);

        var exception = await Assert.ThrowsAsync<VenueRequestException>(() => _client.GetTradesAsync("XBTUSD", null, CancellationToken.None));

        Assert.StartsWith("malformed response: ", Assert.Single(exception.Errors));
        Assert.False(exception.IsRetryable);
    }

    [Fact]
    public async Task Second_call_waits_a_second_for_the_default_pacing()
    {
        var client = new KrakenRestClient(_http, new RequestPacer(KrakenRestClient.DefaultSpacing, _time));
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        await client.GetTradesAsync("XBTUSD", null, CancellationToken.None);

        var second = client.GetTradesAsync("XBTUSD", "1688671969993150842", CancellationToken.None);
        var requestsBeforeTheSecondPassed = _server.Requests.Count;
        _time.Advance(TimeSpan.FromSeconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(1), KrakenRestClient.DefaultSpacing);
        Assert.Equal(1, requestsBeforeTheSecondPassed);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public void Client_without_a_base_address_is_refused()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new KrakenRestClient(http));
    }

    private static DateTimeOffset UnixTime(long seconds, long ticks) => DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);

    private static Candle OneMinute(long openedAt, decimal open, decimal high, decimal low, decimal close, decimal vwap, decimal volume, int count) =>
        new()
        {
            OpenedAt = DateTimeOffset.FromUnixTimeSeconds(openedAt),
            ClosedAt = DateTimeOffset.FromUnixTimeSeconds(openedAt + 60),
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = volume,
            QuoteVolume = vwap * volume,
            TradeCount = count,
            IsSynthetic = false,
        };
}
