using Microsoft.Extensions.Logging.Abstractions;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;
using Trading.MarketData.Live;
using Trading.MarketData.Tests.Exchange.Rest;

namespace Trading.MarketData.Tests.Live;

public sealed class FeedSupervisorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(T0);
    private readonly RecordingSink _sink = new();
    private readonly ScriptedBackfill _kraken = new();
    private readonly ScriptedBackfill _coinbase = new();
    private FeedSupervisor _supervisor = null!;

    public Task InitializeAsync()
    {
        _supervisor = new FeedSupervisor(
            ["BTC/USD"],
            [Venues.Kraken, Venues.Coinbase],
            _sink,
            new Dictionary<string, ITradeBackfill> { [Venues.Kraken] = _kraken, [Venues.Coinbase] = _coinbase },
            _time,
            NullLogger.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _supervisor.DisposeAsync();

    [Fact]
    public async Task Only_the_highest_priority_live_venue_is_published()
    {
        await State(Venues.Kraken, VenueConnectionState.Live);
        await State(Venues.Coinbase, VenueConnectionState.Live);

        await Trades(Venues.Kraken, Trade("BTC/USD", "k1", 1));
        await Trades(Venues.Coinbase, Trade("BTC-USD", "c1", 1));

        Assert.Equal(Venues.Kraken, _supervisor.ActiveVenue);
        var published = Assert.Single(_sink.Trades);
        Assert.Equal((Venues.Kraken, "BTC/USD", "k1"), (published.Venue, published.Symbol, published.Trades.Single().TradeId));
    }

    [Fact]
    public async Task Quotes_are_published_under_the_normalised_symbol()
    {
        await State(Venues.Coinbase, VenueConnectionState.Live);
        var frame = new ParsedFrame { Kind = FrameKind.Quotes };
        frame.Quotes.Add(new VenueQuote("BTC-USD", 100m, 1m, 101m, 2m, T0));

        await _supervisor.OnMarketDataAsync(Venues.Coinbase, frame, T0, CancellationToken.None);

        var quote = Assert.Single(_sink.Quotes);
        Assert.Equal((Venues.Coinbase, "BTC/USD", 101m), (quote.Venue, quote.Symbol, quote.Quote.AskPrice));
    }

    [Fact]
    public async Task Silent_active_venue_fails_over_to_the_next_live_one_with_the_reason()
    {
        await State(Venues.Kraken, VenueConnectionState.Live);
        await State(Venues.Coinbase, VenueConnectionState.Live);

        await State(Venues.Kraken, VenueConnectionState.Stale, "silent for 10 s");
        await Trades(Venues.Kraken, Trade("BTC/USD", "k-late", 1));
        await Trades(Venues.Coinbase, Trade("BTC-USD", "c1", 1));

        Assert.Equal(Venues.Coinbase, _supervisor.ActiveVenue);
        Assert.Contains(
            new RecordingSink.PublishedStatus(Venues.Coinbase, FeedStatus.Live, "KRAKEN Stale: silent for 10 s; failing over to COINBASE"),
            _sink.Statuses);
        Assert.Contains(new RecordingSink.PublishedStatus(Venues.Kraken, FeedStatus.Stale, "silent for 10 s"), _sink.Statuses);
        Assert.Equal(["c1"], _sink.TradeIds);
    }

    [Fact]
    public async Task Fails_back_only_after_the_primary_has_been_live_for_the_failback_period()
    {
        await State(Venues.Coinbase, VenueConnectionState.Live);
        await State(Venues.Kraken, VenueConnectionState.Live);

        _time.Advance(TimeSpan.FromSeconds(29));
        await _supervisor.WhenIdleAsync();
        var before = _supervisor.ActiveVenue;
        _time.Advance(TimeSpan.FromSeconds(1));
        await _sink.WaitUntilAsync(s => s.Statuses.Any(x => x.Reason.Contains("failing back", StringComparison.Ordinal)));

        Assert.Equal(Venues.Coinbase, before);
        Assert.Equal(Venues.Kraken, _supervisor.ActiveVenue);
        Assert.Equal(
            new RecordingSink.PublishedStatus(Venues.Kraken, FeedStatus.Live, "KRAKEN live again for 30 s; failing back from COINBASE"),
            _sink.Statuses[^1]);
    }

    [Fact]
    public async Task Primary_that_drops_again_before_the_failback_period_is_not_failed_back_to()
    {
        await State(Venues.Coinbase, VenueConnectionState.Live);
        await State(Venues.Kraken, VenueConnectionState.Live);
        _time.Advance(TimeSpan.FromSeconds(20));
        await State(Venues.Kraken, VenueConnectionState.Down, "closed");
        _time.Advance(TimeSpan.FromSeconds(5));
        await State(Venues.Kraken, VenueConnectionState.Live);

        _time.Advance(TimeSpan.FromSeconds(29));
        await _supervisor.WhenIdleAsync();

        Assert.Equal(Venues.Coinbase, _supervisor.ActiveVenue);
    }

    [Fact]
    public async Task After_a_reconnect_missed_trades_are_backfilled_before_streamed_ones_without_duplicates()
    {
        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("BTC/USD", "1", 1), Trade("BTC/USD", "2", 2));
        await State(Venues.Kraken, VenueConnectionState.Down, "closed mid-stream");
        _kraken.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _kraken.Returns(new BackfillResult
        {
            Trades = [Trade("BTC/USD", "2", 2), Trade("BTC/USD", "3", 3), Trade("BTC/USD", "4", 4), Trade("BTC/USD", "5", 5)],
        });

        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("BTC/USD", "5", 5), Trade("BTC/USD", "6", 6));
        var duringBackfill = _sink.TradeIds;
        _kraken.Hold.SetResult();
        await _sink.WaitUntilAsync(s => s.TradeIds.Count == 6);

        Assert.Equal(["1", "2"], duringBackfill);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], _sink.TradeIds);
        Assert.Equal((Venues.Kraken, "BTC/USD", T0.AddSeconds(2), "2"), _kraken.Requests.Single());
        Assert.Empty(_sink.Gaps);
    }

    [Fact]
    public async Task Failed_backfill_reports_a_gap_and_publishes_only_streamed_trades()
    {
        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("BTC/USD", "1", 1));
        await State(Venues.Kraken, VenueConnectionState.Down, "refused");
        _time.Advance(TimeSpan.FromMinutes(1));
        _kraken.Throws(new VenueRequestException(Venues.Kraken, KrakenRestClient.TradesEndpoint, ["EAPI:Rate limit exceeded"], true, true));

        await State(Venues.Kraken, VenueConnectionState.Live);
        await _supervisor.WhenIdleAsync();
        await Trades(Venues.Kraken, Trade("BTC/USD", "9", 70));

        var gap = Assert.Single(_sink.Gaps);
        Assert.Equal((Venues.Kraken, "BTC/USD", T0.AddSeconds(1), T0.AddMinutes(1)), (gap.Venue, gap.Symbol, gap.From, gap.To));
        Assert.Contains("Rate limit", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(["1", "9"], _sink.TradeIds);
    }

    [Fact]
    public async Task Range_the_backfill_could_not_cover_is_reported_as_a_gap()
    {
        await State(Venues.Coinbase, VenueConnectionState.Live);
        await Trades(Venues.Coinbase, Trade("BTC-USD", "1", 1));
        await State(Venues.Coinbase, VenueConnectionState.Stale, "silent");
        _coinbase.Returns(new BackfillResult
        {
            Trades = [Trade("BTC-USD", "50", 50)],
            GapFrom = T0.AddSeconds(1),
            GapTo = T0.AddSeconds(50),
            GapReason = "only the most recent trades",
        });

        await State(Venues.Coinbase, VenueConnectionState.Live);
        await _supervisor.WhenIdleAsync();

        var gap = Assert.Single(_sink.Gaps);
        Assert.Equal((T0.AddSeconds(1), T0.AddSeconds(50)), (gap.From, gap.To));
        Assert.Equal(["1", "50"], _sink.TradeIds);
    }

    [Fact]
    public async Task Failover_backfills_the_new_venue_from_the_last_published_trade()
    {
        await State(Venues.Kraken, VenueConnectionState.Live);
        await State(Venues.Coinbase, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("BTC/USD", "k1", 10));
        _coinbase.Returns(new BackfillResult { Trades = [Trade("BTC-USD", "c7", 11)] });

        await State(Venues.Kraken, VenueConnectionState.Down, "closed");
        await _supervisor.WhenIdleAsync();

        Assert.Equal((Venues.Coinbase, "BTC-USD", T0.AddSeconds(10), (string?)null), _coinbase.Requests.Single());
        Assert.Equal(["k1", "c7"], _sink.TradeIds);
        Assert.Equal(Venues.Coinbase, _sink.Trades[^1].Venue);
    }

    [Fact]
    public void Symbol_a_venue_does_not_trade_is_refused_at_construction()
    {
        var exception = Assert.Throws<UnknownSymbolException>(() => new FeedSupervisor(
            ["BTC/USD:PERP"], [Venues.Kraken], _sink, new Dictionary<string, ITradeBackfill>(), _time, NullLogger.Instance));

        Assert.Equal(("BTC/USD:PERP", Venues.Kraken), (exception.Symbol, exception.Venue));
    }

    private ValueTask State(string venue, VenueConnectionState state, string reason = "test") =>
        _supervisor.OnStateChangedAsync(venue, state, reason, CancellationToken.None);

    private ValueTask Trades(string venue, params VenueTrade[] trades)
    {
        var frame = new ParsedFrame { Kind = FrameKind.Trades };
        frame.Trades.AddRange(trades);
        return _supervisor.OnMarketDataAsync(venue, frame, _time.GetUtcNow(), CancellationToken.None);
    }

    private static VenueTrade Trade(string venueSymbol, string id, int second) =>
        new(venueSymbol, id, 100m + second, 1m, TradeSide.Buy, T0.AddSeconds(second));
}
