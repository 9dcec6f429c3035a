using Trading.FakeVenues;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Live;
using Trading.MarketData.Tests.Exchange.Kraken;
using Trading.MarketData.Tests.Exchange.Rest;

namespace Trading.MarketData.Tests.Live;

public sealed class TradeBackfillTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2024, 1, 2, 3, 5, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Now);
    private ScriptedHttpServer _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _server = await ScriptedHttpServer.StartAsync();
        _http = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Kraken_backfill_sends_the_last_trade_time_as_a_nanosecond_cursor_for_the_rest_pair()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        var backfill = new KrakenTradeBackfill(new KrakenRestClient(_http, new RequestPacer(TimeSpan.Zero, _time)), _time);
        var since = DateTimeOffset.FromUnixTimeSeconds(1688669590).AddTicks(1_234_567);

        var result = await backfill.FetchSinceAsync("KRAKEN", "BTC/USD", since, "61044951", CancellationToken.None);

        Assert.Equal(["/0/public/Trades?pair=XXBTZUSD&since=1688669590123456700"], _server.Requests);
        Assert.Equal(["61044952", "61044953", "61044956"], result.Trades.Select(t => t.TradeId));
        Assert.All(result.Trades, t => Assert.Equal("BTC/USD", t.VenueSymbol));
        Assert.False(result.HasGap);
    }

    [Fact]
    public async Task Kraken_backfill_follows_the_cursor_and_stops_when_it_no_longer_advances()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        var backfill = new KrakenTradeBackfill(new KrakenRestClient(_http, new RequestPacer(TimeSpan.Zero, _time)), _time, maxPages: 5, fullPage: 3);
        var since = DateTimeOffset.FromUnixTimeSeconds(1688669590);

        var result = await backfill.FetchSinceAsync("KRAKEN", "BTC/USD", since, null, CancellationToken.None);

        Assert.Equal(
            ["/0/public/Trades?pair=XXBTZUSD&since=1688669590000000000", "/0/public/Trades?pair=XXBTZUSD&since=1688671969993150842"],
            _server.Requests);
        Assert.False(result.HasGap);
    }

    [Fact]
    public async Task Kraken_backfill_reports_what_is_left_after_the_page_limit_as_a_gap()
    {
        _server.Respond(KrakenFixtures.ReadBytes("spot-rest/public-trades.response.json"));
        var backfill = new KrakenTradeBackfill(new KrakenRestClient(_http, new RequestPacer(TimeSpan.Zero, _time)), _time, maxPages: 1, fullPage: 3);
        var since = DateTimeOffset.FromUnixTimeSeconds(1688669590);

        var result = await backfill.FetchSinceAsync("KRAKEN", "BTC/USD", since, null, CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.True(result.HasGap);
        Assert.Equal((result.Trades[^1].ExchangeTime, Now), (result.GapFrom!.Value, result.GapTo!.Value));
        Assert.Equal(3, result.Trades.Count);
    }

    [Fact]
    public void Kraken_cursor_is_nanoseconds_since_the_epoch()
    {
        var cursor = KrakenTradeBackfill.Cursor(DateTimeOffset.FromUnixTimeSeconds(1688671969).AddTicks(9_931_508));

        Assert.Equal("1688671969993150800", cursor);
    }

    [Fact]
    public async Task Coinbase_backfill_reports_the_range_before_its_oldest_trade_as_a_gap()
    {
        _server.Respond(CoinbaseTrades(("3", "2024-01-02T03:04:30Z"), ("2", "2024-01-02T03:04:20Z")));
        var backfill = new CoinbaseTradeBackfill(new CoinbaseRestClient(_http, new RequestPacer(TimeSpan.Zero, _time)), _time, limit: 2);
        var since = new DateTimeOffset(2024, 1, 2, 3, 4, 0, TimeSpan.Zero);

        var result = await backfill.FetchSinceAsync("COINBASE", "BTC-USD", since, "1", CancellationToken.None);

        Assert.Equal(["2", "3"], result.Trades.Select(t => t.TradeId));
        Assert.Equal((since, since.AddSeconds(20)), (result.GapFrom!.Value, result.GapTo!.Value));
        Assert.StartsWith("/api/v3/brokerage/market/products/BTC-USD/ticker?limit=2", _server.Requests.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coinbase_backfill_that_reaches_back_to_the_last_trade_has_no_gap()
    {
        _server.Respond(CoinbaseTrades(("3", "2024-01-02T03:04:30Z"), ("2", "2024-01-02T03:04:20Z"), ("1", "2024-01-02T03:04:00Z")));
        var backfill = new CoinbaseTradeBackfill(new CoinbaseRestClient(_http, new RequestPacer(TimeSpan.Zero, _time)), _time, limit: 3);
        var since = new DateTimeOffset(2024, 1, 2, 3, 4, 0, TimeSpan.Zero);

        var result = await backfill.FetchSinceAsync("COINBASE", "BTC-USD", since, "1", CancellationToken.None);

        Assert.False(result.HasGap);
        Assert.Equal(["1", "2", "3"], result.Trades.Select(t => t.TradeId));
    }

    private static string CoinbaseTrades(params (string Id, string Time)[] newestFirst) =>
        "{\"trades\":["
        + string.Join(",", newestFirst.Select(t =>
            $"{{\"trade_id\":\"{t.Id}\",\"product_id\":\"BTC-USD\",\"price\":\"100.5\",\"size\":\"0.1\",\"time\":\"{t.Time}\",\"side\":\"BUY\"}}"))
        + "],\"best_bid\":\"100\",\"best_ask\":\"101\"}";
}
