using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Acceptance;

/// <summary>
/// Kraken Futures perpetuals. The venue has no REST backfill here, so trades missed during an interruption must be reported
/// as a gap, never invented; bad frames and error acks must not interrupt the stream.
/// </summary>
public sealed class KrakenFuturesLiveFeedTests : IAsyncLifetime
{
    private const string Venue = Venues.KrakenFutures;

    private LiveFeedHarness? _harness;

    private LiveFeedHarness Feed => _harness ?? throw new InvalidOperationException("Start the feed first.");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }

    [Fact]
    public async Task Perpetual_trades_and_quotes_are_published_under_normalised_symbols()
    {
        await StartAsync(["BTC/USD:PERP", "ETH/USD:PERP", "SOL/USD:PERP"]);
        await Feed.WaitUntilStreamingAsync(Venue, "PF_SOLUSD");

        var btc = await Feed.AppendAsync(Venue, "PF_XBTUSD", 2);
        var eth = await Feed.AppendAsync(Venue, "PF_ETHUSD", 1);
        var sol = await Feed.AppendAsync(Venue, "PF_SOLUSD", 1);
        await Feed.Fake(Venue).SendQuoteAsync("PF_ETHUSD", 1751.6m, 1.459m, 1751.7m, 2.886m, Feed.Token);
        await Feed.WaitUntilPublishedAsync(Venue, [.. btc, .. eth, .. sol]);
        await Feed.WaitUntilAsync(() => Feed.Sink.Quotes.Count > 0, "a quote published");

        Feed.AssertPublishedExactly(Venue, [.. btc, .. eth, .. sol]);
        Assert.Equal(
            ["BTC/USD:PERP", "ETH/USD:PERP", "SOL/USD:PERP"],
            Feed.Sink.Trades.Select(b => b.Symbol).Distinct().Order(StringComparer.Ordinal));
        var quote = Assert.Single(Feed.Sink.Quotes);
        Assert.Equal(("ETH/USD:PERP", 1751.6m, 1751.7m), (quote.Symbol, quote.Quote.BidPrice, quote.Quote.AskPrice));
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Interruption_is_reported_as_a_gap_and_no_missed_trade_is_invented()
    {
        await StartAsync(["BTC/USD:PERP"], h => h.Fake(Venue).TradeSnapshotSize = 1);
        var before = await StreamedAsync(3);

        var fake = Feed.Fake(Venue);
        fake.RefuseConnections();
        await fake.CloseAsync(Feed.Token);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Down, 0);
        var missed = await Feed.AppendAsync(Venue, "PF_XBTUSD", 4);
        fake.AcceptConnections();
        await Feed.WaitUntilAsync(() => fake.AcceptedConnections > 1 && fake.IsStreamingTradesOf("PF_XBTUSD"), "streaming again");
        var after = await Feed.AppendAsync(Venue, "PF_XBTUSD", 2);
        await Feed.WaitUntilPublishedAsync(Venue, after);
        await Feed.WaitUntilAsync(() => Feed.Sink.Gaps.Count > 0, "a gap reported");

        // The resubscription's trade_snapshot carries the latest trade; the three before it are gone and reported missing.
        Feed.AssertPublishedExactly(Venue, [.. before, missed[^1], .. after]);
        var gap = Assert.Single(Feed.Sink.Gaps);
        Assert.Equal((Venue, "BTC/USD:PERP", before[^1].Time), (gap.Venue, gap.Symbol, gap.From));
        Assert.True(gap.To >= missed[^1].Time, $"the gap ends at {gap.To:O}, before the last missed trade at {missed[^1].Time:O}");
        Assert.Contains("no REST backfill", gap.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Feed.Counter(LiveFeedMetrics.GapsName, Venue));
        Feed.AssertStatusesInOrder(Venue, FeedStatus.Live, FeedStatus.Down, FeedStatus.Live);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Silence_is_reported_stale_reconnected_and_reported_as_a_gap()
    {
        await StartAsync(["BTC/USD:PERP"], h => h.Fake(Venue).TradeSnapshotSize = 0);
        var before = await StreamedAsync(2);

        await Feed.Fake(Venue).GoSilentAsync(Feed.Token);
        await Feed.AppendAsync(Venue, "PF_XBTUSD", 2);
        await Feed.WaitForStatusAsync(Venue, FeedStatus.Stale, 0);
        await Feed.WaitUntilAsync(() => Feed.Sink.Gaps.Count > 0, "a gap reported");

        Feed.AssertPublishedExactly(Venue, before);
        Assert.Equal(before[^1].Time, Assert.Single(Feed.Sink.Gaps).From);
        Feed.AssertStatusesInOrder(Venue, FeedStatus.Live, FeedStatus.Stale, FeedStatus.Live);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Garbage_truncated_frames_error_acks_and_error_frames_are_counted_and_never_interrupt_the_stream()
    {
        await StartAsync(["BTC/USD:PERP", "ETH/USD:PERP"], h => h.Fake(Venue).RejectSymbol("PF_ETHUSD"));
        var before = await StreamedAsync(2);

        var garbage = await Feed.Fake(Venue).SendGarbageAsync("PF_XBTUSD", Feed.Token);
        await Feed.Fake(Venue).SendErrorAsync(Feed.Token);
        var after = await Feed.AppendAsync(Venue, "PF_XBTUSD", 2);
        await Feed.WaitUntilPublishedAsync(Venue, after);

        Feed.AssertPublishedExactly(Venue, [.. before, .. after]);
        Assert.Equal(garbage, Feed.Counter("trading.marketdata.malformed_frames", Venue));

        // PF_ETHUSD rejected by the trade and the ticker subscriptions, and the error frame sent mid-stream.
        Assert.Equal(3, Feed.Counter("trading.marketdata.venue_errors", Venue));
        Assert.DoesNotContain(Feed.StatusesOf(Venue), s => s is FeedStatus.Down or FeedStatus.Stale);
        Assert.Equal(1, Feed.Fake(Venue).AcceptedConnections);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    private async Task StartAsync(IReadOnlyList<string> symbols, Action<LiveFeedHarness>? arrange = null)
    {
        _harness = await LiveFeedHarness.StartAsync([Venue], symbols, arrange);
        await Feed.WaitUntilStreamingAsync(Venue, "PF_XBTUSD");
    }

    private async Task<List<FakeTrade>> StreamedAsync(int count)
    {
        var trades = await Feed.AppendAsync(Venue, "PF_XBTUSD", count);
        await Feed.WaitUntilPublishedAsync(Venue, trades);
        return trades;
    }
}
