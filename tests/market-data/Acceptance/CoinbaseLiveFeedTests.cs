using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Acceptance;

public sealed class CoinbaseLiveFeedTests() : LiveFeedAcceptanceTests(Venues.Coinbase, "BTC-USD", "ETH-USD")
{
    [Fact]
    public async Task Outage_longer_than_the_recent_trades_coinbase_returns_is_reported_as_a_gap_and_not_papered_over()
    {
        await StartAsync(arrange: h => h.Fake(Venue).TradeSnapshotSize = 0);
        var before = await StreamedAsync(2);

        await GoDownAsync();
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, CoinbaseTradeBackfill.DefaultLimit + 100);
        Feed.Fake(Venue).AcceptConnections();
        await WaitUntilStreamingAgainAsync();
        await Feed.WaitUntilAsync(() => Feed.Sink.Gaps.Count > 0, "a gap reported");
        var after = await Feed.AppendAsync(Venue, VenueSymbol, 2);
        await Feed.WaitUntilPublishedAsync(Venue, [.. missed.Skip(100), .. after]);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed.Skip(100), .. after]);
        var gap = Assert.Single(Feed.Sink.Gaps);
        Assert.Equal(("BTC/USD", before[^1].Time, missed[100].Time), (gap.Symbol, gap.From, gap.To));
        Assert.Equal(1, Feed.Counter(LiveFeedMetrics.GapsName, Venue));
        Feed.AssertStillRunning();
    }
}
