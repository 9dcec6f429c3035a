using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Acceptance;

/// <summary>
/// The misbehaviours of issue 3's acceptance list against one spot venue with a REST backfill, run for each such venue by
/// a derived class (so the venues run in parallel): no crash, no duplicate, the trades missed during an interruption
/// arrive through backfill, and the statuses say what happened.
/// </summary>
public abstract class LiveFeedAcceptanceTests : IAsyncLifetime
{
    private const string Symbol = "BTC/USD";
    private const string OtherSymbol = "ETH/USD";

    private LiveFeedHarness? _harness;

    private protected LiveFeedAcceptanceTests(string venue, string venueSymbol, string otherVenueSymbol)
    {
        Venue = venue;
        VenueSymbol = venueSymbol;
        OtherVenueSymbol = otherVenueSymbol;
    }

    private protected string Venue { get; }

    private protected string VenueSymbol { get; }

    private protected string OtherVenueSymbol { get; }

    private protected LiveFeedHarness Feed => _harness ?? throw new InvalidOperationException("Start the feed first.");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Venue_closing_mid_stream_reconnects_and_backfills_the_trades_missed_while_down_for_every_symbol()
    {
        await StartAsync([Symbol, OtherSymbol]);
        await Feed.WaitUntilStreamingAsync(Venue, OtherVenueSymbol);
        List<FakeTrade> before = [.. await StreamedAsync(3), .. await StreamedAsync(2, OtherVenueSymbol)];

        var fake = Feed.Fake(Venue);
        fake.RefuseConnections();
        await fake.CloseAsync(Feed.Token);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Down, 0);
        List<FakeTrade> missed = [.. await Feed.AppendAsync(Venue, VenueSymbol, 4), .. await Feed.AppendAsync(Venue, OtherVenueSymbol, 3)];
        fake.AcceptConnections();
        List<FakeTrade> after = [.. await AfterReconnectAsync(2), .. await AfterReconnectAsync(1, OtherVenueSymbol)];

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);
        Assert.Equal(["BTC/USD", "ETH/USD"], Feed.Sink.Trades.Select(b => b.Symbol).Distinct().Order(StringComparer.Ordinal));
        Feed.AssertStatusesInOrder(Venue, FeedStatus.Live, FeedStatus.Down, FeedStatus.Live);
        Assert.Contains(Feed.Sink.Statuses, s => s.Venue == Venue && s.Status == FeedStatus.Down && s.Reason.Contains("maintenance", StringComparison.Ordinal));
        Assert.True(Feed.Counter(LiveFeedMetrics.BackfilledTradesName, Venue) >= missed.Count);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Venue_going_silent_is_reported_stale_reconnected_and_the_trades_sent_meanwhile_are_backfilled()
    {
        await StartAsync();
        var before = await StreamedAsync(2);

        await Feed.Fake(Venue).GoSilentAsync(Feed.Token);
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 3);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Stale, 0);
        var after = await AfterReconnectAsync(2);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);
        Feed.AssertStatusesInOrder(Venue, FeedStatus.Live, FeedStatus.Stale, FeedStatus.Live);
        Assert.Contains(Feed.Sink.Statuses, s => s.Venue == Venue && s.Status == FeedStatus.Stale && s.Reason == "no frame for 3 s");
        Assert.Equal(2, Feed.Fake(Venue).AcceptedConnections);
        Assert.True(Feed.Counter(LiveFeedMetrics.BackfilledTradesName, Venue) >= missed.Count);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Garbage_and_truncated_frames_are_counted_and_logged_and_never_interrupt_the_stream()
    {
        await StartAsync();
        var before = await StreamedAsync(2);

        var sent = await Feed.Fake(Venue).SendGarbageAsync(VenueSymbol, Feed.Token);
        var after = await Feed.AppendAsync(Venue, VenueSymbol, 2);
        await Feed.WaitUntilPublishedAsync(Venue, after);

        Feed.AssertPublishedExactly(Venue, [.. before, .. after]);
        Assert.Equal(sent, Feed.Counter("trading.marketdata.malformed_frames", Venue));
        Assert.Equal(sent, Feed.Logs.Count(m => m.StartsWith($"Malformed frame from {Venue}", StringComparison.Ordinal)));
        Assert.DoesNotContain(Feed.StatusesOf(Venue), s => s is FeedStatus.Down or FeedStatus.Stale);
        Assert.Equal(1, Feed.Fake(Venue).AcceptedConnections);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Error_acks_and_error_frames_are_counted_and_logged_and_the_other_symbols_keep_streaming()
    {
        await StartAsync([Symbol, OtherSymbol], h => h.Fake(Venue).RejectSymbol(OtherVenueSymbol));
        var before = await StreamedAsync(2);

        await Feed.Fake(Venue).SendErrorAsync(Feed.Token);
        var after = await Feed.AppendAsync(Venue, VenueSymbol, 2);
        await Feed.WaitUntilPublishedAsync(Venue, after);

        Feed.AssertPublishedExactly(Venue, [.. before, .. after]);

        // One rejection for each of the trade and ticker subscriptions, and the error frame sent mid-stream.
        Assert.Equal(3, Feed.Counter("trading.marketdata.venue_errors", Venue));
        Assert.Equal(3, Feed.Logs.Count(m => m.StartsWith($"{Venue} reported an error", StringComparison.Ordinal)));
        Assert.DoesNotContain(Feed.StatusesOf(Venue), s => s is FeedStatus.Down or FeedStatus.Stale);
        Assert.Equal(1, Feed.Fake(Venue).AcceptedConnections);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Refused_connections_are_retried_with_backoff_until_live_and_the_trades_missed_meanwhile_are_backfilled()
    {
        await StartAsync(arrange: h => h.Fake(Venue).RefuseNextConnections(2));
        var before = await StreamedAsync(2);
        var attemptsBefore = Feed.Fake(Venue).ConnectionAttempts;

        Feed.Fake(Venue).RefuseNextConnections(3);
        await Feed.Fake(Venue).CloseAsync(Feed.Token);
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 3);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Down, 1);
        var after = await AfterReconnectAsync(2);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);
        Feed.AssertStatusesInOrder(Venue, FeedStatus.Down, FeedStatus.Live, FeedStatus.Down, FeedStatus.Live);
        Assert.Contains(Feed.Sink.Statuses, s => s.Venue == Venue && s.Status == FeedStatus.Down && s.Reason.Contains("503", StringComparison.Ordinal));
        Assert.Equal(3, attemptsBefore);
        Assert.Equal(attemptsBefore + 4, Feed.Fake(Venue).ConnectionAttempts);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Rate_limited_backfill_is_tried_again_and_delivers_the_missed_trades()
    {
        await StartAsync(arrange: h => h.Fake(Venue).TradeSnapshotSize = 0);
        var before = await StreamedAsync(2);

        var fake = Feed.Fake(Venue);
        await GoDownAsync();
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 3);
        fake.RateLimitNextRestRequests(1);
        fake.AcceptConnections();
        var after = await AfterReconnectAsync(2);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);
        Assert.Equal(2, fake.RestRequests.Count);
        Assert.True(Feed.Counter(LiveFeedMetrics.BackfilledTradesName, Venue) >= missed.Count);
        Assert.Contains(Feed.Logs, m => m.StartsWith($"Backfill of {VenueSymbol} on {Venue} failed (try 1)", StringComparison.Ordinal));
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Backfill_rate_limited_on_every_try_reports_the_gap_and_the_stream_goes_on()
    {
        await StartAsync(arrange: h => h.Fake(Venue).TradeSnapshotSize = 0);
        var before = await StreamedAsync(2);

        var fake = Feed.Fake(Venue);
        await GoDownAsync();
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 3);
        fake.RateLimitNextRestRequests(Feed.Options.BackfillAttempts);
        fake.AcceptConnections();
        await WaitUntilStreamingAgainAsync();
        var after = await Feed.AppendAsync(Venue, VenueSymbol, 2);
        await Feed.WaitUntilPublishedAsync(Venue, after);

        Feed.AssertPublishedExactly(Venue, [.. before, .. after]);
        var gap = Assert.Single(Feed.Sink.Gaps);
        Assert.Equal(("BTC/USD", before[^1].Time), (gap.Symbol, gap.From));
        Assert.True(gap.To >= missed[^1].Time, $"the gap ends at {gap.To:O}, before the last missed trade at {missed[^1].Time:O}");
        Assert.Equal(Feed.Options.BackfillAttempts, fake.RestRequests.Count);
        Assert.Equal(1, Feed.Counter(LiveFeedMetrics.GapsName, Venue));
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Trades_resent_after_a_reconnect_overlapping_the_backfill_are_published_once()
    {
        await StartAsync(arrange: h => h.Fake(Venue).ResendTradesOnReconnect(4));
        var before = await StreamedAsync(3);

        var fake = Feed.Fake(Venue);
        await GoDownAsync();
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 2);
        fake.AcceptConnections();
        var after = await AfterReconnectAsync(2);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);
        Assert.Equal(4, fake.ResentTrades);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    private protected async Task StartAsync(IReadOnlyList<string>? symbols = null, Action<LiveFeedHarness>? arrange = null)
    {
        _harness = await LiveFeedHarness.StartAsync([Venue], symbols ?? [Symbol], arrange);
        await Feed.WaitUntilStreamingAsync(Venue, VenueSymbol);
    }

    /// <summary>Appends trades while the venue streams and waits until they are published.</summary>
    private protected async Task<List<FakeTrade>> StreamedAsync(int count, string? venueSymbol = null)
    {
        var trades = await Feed.AppendAsync(Venue, venueSymbol ?? VenueSymbol, count);
        await Feed.WaitUntilPublishedAsync(Venue, trades);
        return trades;
    }

    /// <summary>Closes the newest connection and refuses new ones until <see cref="FakeVenueServer.AcceptConnections"/>.</summary>
    private protected async Task GoDownAsync()
    {
        var fake = Feed.Fake(Venue);
        fake.RefuseConnections();
        await fake.CloseAsync(Feed.Token);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Down, 0);
    }

    private protected Task WaitUntilStreamingAgainAsync(string? venueSymbol = null) =>
        Feed.WaitUntilAsync(
            () => Feed.Fake(Venue).AcceptedConnections > 1 && Feed.Fake(Venue).IsStreamingTradesOf(venueSymbol ?? VenueSymbol),
            $"{Venue} streaming again");

    /// <summary>Waits for the venue to stream again, appends trades and waits until everything on the tape is published.</summary>
    private protected async Task<List<FakeTrade>> AfterReconnectAsync(int count, string? venueSymbol = null)
    {
        var symbol = venueSymbol ?? VenueSymbol;
        await WaitUntilStreamingAgainAsync(symbol);
        var trades = await Feed.AppendAsync(Venue, symbol, count);
        await Feed.WaitUntilPublishedAsync(Venue, Feed.Fake(Venue).Tape(symbol));
        return trades;
    }
}
