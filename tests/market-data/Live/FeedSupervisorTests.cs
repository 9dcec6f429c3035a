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
    public async Task A_symbol_the_venue_rejects_is_published_once_although_every_reconnect_repeats_it()
    {
        const string rejection = "venue rejected a symbol: Currency pair not supported BTC/USD";
        await State(Venues.Kraken, VenueConnectionState.Live);

        await _supervisor.OnStateChangedAsync(Venues.Kraken, VenueConnectionState.Live, rejection, CancellationToken.None);
        await _supervisor.OnStateChangedAsync(Venues.Kraken, VenueConnectionState.Live, rejection, CancellationToken.None);

        var published = Assert.Single(_sink.Statuses, s => s.Reason == rejection);
        Assert.Equal((Venues.Kraken, FeedStatus.Live), (published.Venue, published.Status));
    }

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
    public async Task Venue_down_for_an_hour_publishes_down_once_and_live_again_with_duration_and_attempts()
    {
        await State(Venues.Kraken, VenueConnectionState.Connecting, "starting");
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");
        await State(Venues.Kraken, VenueConnectionState.Down, "closed by the venue");
        var before = _sink.Statuses.Count;

        for (var attempt = 1; attempt < 60; attempt++)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await State(Venues.Kraken, VenueConnectionState.Connecting, $"reconnect attempt {attempt}");
            await State(Venues.Kraken, VenueConnectionState.Down, "connection refused");
        }

        var duringOutage = _sink.Statuses.Count;
        _time.Advance(TimeSpan.FromMinutes(1));
        await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt 60");
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");

        Assert.Equal(before, duringOutage);
        Assert.Equal(
            [
                new(Venues.Kraken, FeedStatus.Connecting, "starting"),
                new(Venues.Kraken, FeedStatus.Live, "subscribed and receiving"),
                new(Venues.Kraken, FeedStatus.Live, "KRAKEN is live; publishing from it"),
                new(Venues.Kraken, FeedStatus.Down, "closed by the venue"),
                new RecordingSink.PublishedStatus(Venues.Kraken, FeedStatus.Live, "live again after 1 h 0 min, 60 attempts"),
            ],
            _sink.Statuses);
    }

    [Fact]
    public async Task Venue_down_from_the_start_publishes_connecting_and_down_once_then_live_after_being_down()
    {
        await State(Venues.Kraken, VenueConnectionState.Connecting, "starting");
        await State(Venues.Kraken, VenueConnectionState.Down, "connection refused");
        _time.Advance(TimeSpan.FromSeconds(5));
        await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt");
        await State(Venues.Kraken, VenueConnectionState.Down, "connection refused");
        _time.Advance(TimeSpan.FromSeconds(37));

        await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt");
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");

        Assert.Equal(
            [
                new(Venues.Kraken, FeedStatus.Connecting, "starting"),
                new(Venues.Kraken, FeedStatus.Down, "connection refused"),
                new(Venues.Kraken, FeedStatus.Live, "live after being down for 42 s, 2 attempts"),
                new RecordingSink.PublishedStatus(Venues.Kraken, FeedStatus.Live, "KRAKEN is live; publishing from it"),
            ],
            _sink.Statuses);
    }

    [Fact]
    public async Task Stale_primary_publishes_stale_once_while_failover_and_failback_are_still_published()
    {
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");
        await State(Venues.Coinbase, VenueConnectionState.Live, "subscribed and receiving");
        await State(Venues.Kraken, VenueConnectionState.Stale, "no frame for 10 s");
        for (var attempt = 0; attempt < 5; attempt++)
        {
            _time.Advance(TimeSpan.FromSeconds(2));
            await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt");
            await State(Venues.Kraken, VenueConnectionState.Down, "no frame within 10 s of connecting");
        }

        _time.Advance(TimeSpan.FromSeconds(2));
        await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt");
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");
        _time.Advance(FeedSupervisor.DefaultFailbackAfter);
        await _sink.WaitUntilAsync(s => s.Statuses.Any(x => x.Reason.Contains("failing back", StringComparison.Ordinal)));

        Assert.Equal(
            [
                new(Venues.Kraken, FeedStatus.Live, "subscribed and receiving"),
                new(Venues.Kraken, FeedStatus.Live, "KRAKEN is live; publishing from it"),
                new(Venues.Coinbase, FeedStatus.Live, "subscribed and receiving"),
                new(Venues.Kraken, FeedStatus.Stale, "no frame for 10 s"),
                new(Venues.Coinbase, FeedStatus.Live, "KRAKEN Stale: no frame for 10 s; failing over to COINBASE"),
                new(Venues.Kraken, FeedStatus.Live, "live again after 12 s, 6 attempts"),
                new RecordingSink.PublishedStatus(Venues.Kraken, FeedStatus.Live, "KRAKEN live again for 30 s; failing back from COINBASE"),
            ],
            _sink.Statuses);
    }

    [Fact]
    public async Task Venue_that_goes_down_again_after_recovering_publishes_the_new_outage()
    {
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");
        await State(Venues.Kraken, VenueConnectionState.Down, "closed by the venue");
        _time.Advance(TimeSpan.FromSeconds(1));
        await State(Venues.Kraken, VenueConnectionState.Connecting, "reconnect attempt");
        await State(Venues.Kraken, VenueConnectionState.Live, "subscribed and receiving");

        await State(Venues.Kraken, VenueConnectionState.Down, "closed by the venue again");

        Assert.Equal(
            ["subscribed and receiving", "KRAKEN is live; publishing from it", "closed by the venue", "live again after 1 s, 1 attempt", "closed by the venue again"],
            _sink.Statuses.Select(s => s.Reason));
    }

    [Fact]
    public async Task Resume_backfills_exactly_the_trades_missed_since_the_cursor_without_repeating_it()
    {
        await Restart(["BTC/USD"], new() { ["BTC/USD"] = Cursor(Venues.Kraken, "31", 3) });
        _kraken.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _kraken.Returns(new BackfillResult
        {
            Trades = [Trade("BTC/USD", "30", 3), Trade("BTC/USD", "31", 3), Trade("BTC/USD", "32", 3), Trade("BTC/USD", "40", 4), Trade("BTC/USD", "50", 5)],
        });

        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(
            Venues.Kraken,
            Trade("BTC/USD", "20", 2),
            Trade("BTC/USD", "30", 3),
            Trade("BTC/USD", "31", 3),
            Trade("BTC/USD", "32", 3),
            Trade("BTC/USD", "40", 4),
            Trade("BTC/USD", "50", 5),
            Trade("BTC/USD", "60", 6));
        var duringBackfill = _sink.TradeIds;
        _kraken.Hold.SetResult();
        await _supervisor.WhenIdleAsync();

        Assert.Empty(duringBackfill);
        Assert.Equal((Venues.Kraken, "BTC/USD", T0.AddSeconds(3), "31"), _kraken.Requests.Single());
        Assert.Equal(["32", "40", "50", "60"], _sink.TradeIds);
        Assert.Empty(_sink.Gaps);
        Assert.Equal(Cursor(Venues.Kraken, "60", 6), _supervisor.PublishedCursors()["BTC/USD"]);
    }

    [Fact]
    public async Task Trades_older_than_the_resume_cursor_resent_on_a_later_reconnect_are_not_published()
    {
        await Restart(["BTC/USD"], new() { ["BTC/USD"] = Cursor(Venues.Kraken, "31", 3) });
        _kraken.Returns(new BackfillResult { Trades = [Trade("BTC/USD", "31", 3), Trade("BTC/USD", "40", 4)] });
        await State(Venues.Kraken, VenueConnectionState.Live);
        await _supervisor.WhenIdleAsync();
        await State(Venues.Kraken, VenueConnectionState.Down, "closed mid-stream");
        _kraken.Returns(new BackfillResult { Trades = [Trade("BTC/USD", "40", 4), Trade("BTC/USD", "50", 5)] });
        await State(Venues.Kraken, VenueConnectionState.Live);
        await _supervisor.WhenIdleAsync();

        await Trades(Venues.Kraken, Trade("BTC/USD", "20", 2), Trade("BTC/USD", "31", 3), Trade("BTC/USD", "50", 5), Trade("BTC/USD", "60", 6));

        Assert.Equal(["40", "50", "60"], _sink.TradeIds);
    }

    [Fact]
    public async Task Resume_on_another_venue_publishes_only_trades_strictly_after_the_cursor_time()
    {
        await Restart(["BTC/USD"], new() { ["BTC/USD"] = Cursor(Venues.Kraken, "31", 3) });
        _coinbase.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _coinbase.Returns(new BackfillResult { Trades = [Trade("BTC-USD", "c2", 2), Trade("BTC-USD", "c3", 3), Trade("BTC-USD", "c4", 4)] });

        await State(Venues.Kraken, VenueConnectionState.Down, "connection refused");
        await State(Venues.Coinbase, VenueConnectionState.Live);
        await Trades(Venues.Coinbase, Trade("BTC-USD", "c3", 3), Trade("BTC-USD", "31", 3), Trade("BTC-USD", "c5", 5));
        _coinbase.Hold.SetResult();
        await _supervisor.WhenIdleAsync();

        Assert.Equal((Venues.Coinbase, "BTC-USD", T0.AddSeconds(3), (string?)null), _coinbase.Requests.Single());
        Assert.Equal(["c4", "c5"], _sink.TradeIds);
        Assert.All(_sink.Trades, t => Assert.Equal(Venues.Coinbase, t.Venue));
        Assert.Equal(Cursor(Venues.Coinbase, "c5", 5), _supervisor.PublishedCursors()["BTC/USD"]);
    }

    [Fact]
    public async Task Symbol_without_a_cursor_is_streamed_as_before_and_gets_a_cursor_once_published()
    {
        var resumed = Cursor(Venues.Kraken, "31", 3);
        await Restart(["BTC/USD", "ETH/USD"], new() { ["BTC/USD"] = resumed, ["SOL/USD"] = Cursor(Venues.Kraken, "9", 9) });
        _kraken.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _kraken.Returns(new BackfillResult { Trades = [] });

        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("ETH/USD", "e1", 1));
        var cursors = _supervisor.PublishedCursors();
        _kraken.Hold.SetResult();
        await _supervisor.WhenIdleAsync();

        Assert.Equal(["e1"], _sink.TradeIds);
        Assert.Equal("BTC/USD", _kraken.Requests.Single().VenueSymbol);
        Assert.Equal(["BTC/USD", "ETH/USD"], cursors.Keys.Order());
        Assert.Equal(resumed, cursors["BTC/USD"]);
        Assert.Equal(Cursor(Venues.Kraken, "e1", 1), cursors["ETH/USD"]);
    }

    [Fact]
    public async Task Without_a_cursor_nothing_is_backfilled_at_start_and_no_cursor_is_known()
    {
        var before = _supervisor.PublishedCursors();

        await State(Venues.Kraken, VenueConnectionState.Live);
        await Trades(Venues.Kraken, Trade("BTC/USD", "1", 1));
        await _supervisor.WhenIdleAsync();

        Assert.Empty(before);
        Assert.Empty(_kraken.Requests);
        Assert.Equal(["1"], _sink.TradeIds);
        Assert.Equal(Cursor(Venues.Kraken, "1", 1), _supervisor.PublishedCursors()["BTC/USD"]);
    }

    [Fact]
    public void Symbol_a_venue_does_not_trade_is_refused_at_construction()
    {
        var exception = Assert.Throws<UnknownSymbolException>(() => new FeedSupervisor(
            ["BTC/USD:PERP"], [Venues.Kraken], _sink, new Dictionary<string, ITradeBackfill>(), _time, NullLogger.Instance));

        Assert.Equal(("BTC/USD:PERP", Venues.Kraken), (exception.Symbol, exception.Venue));
    }

    private async Task Restart(IReadOnlyList<string> symbols, Dictionary<string, FeedCursor> resumeFrom)
    {
        await _supervisor.DisposeAsync();
        _supervisor = new FeedSupervisor(
            symbols,
            [Venues.Kraken, Venues.Coinbase],
            _sink,
            new Dictionary<string, ITradeBackfill> { [Venues.Kraken] = _kraken, [Venues.Coinbase] = _coinbase },
            _time,
            NullLogger.Instance,
            resumeFrom: resumeFrom);
    }

    private static FeedCursor Cursor(string venue, string tradeId, int second) =>
        new() { Venue = venue, LastTradeId = tradeId, LastExchangeTime = T0.AddSeconds(second) };

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
