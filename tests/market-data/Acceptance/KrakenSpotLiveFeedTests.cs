using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Acceptance;

public sealed class KrakenSpotLiveFeedTests() : LiveFeedAcceptanceTests(Venues.Kraken, "BTC/USD", "ETH/USD")
{
    [Fact]
    public async Task Outage_longer_than_one_trades_page_is_backfilled_page_by_page_from_the_last_cursor()
    {
        await StartAsync();
        var before = await StreamedAsync(2);

        await GoDownAsync();
        var missed = await Feed.AppendAsync(Venue, VenueSymbol, 1500);
        Feed.Fake(Venue).AcceptConnections();
        var after = await AfterReconnectAsync(1);

        Feed.AssertPublishedExactly(Venue, [.. before, .. missed, .. after]);

        // The first page starts at the last published trade, so the next one starts at that page's last trade, missed[998].
        var requests = Feed.Fake(Venue).RestRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal($"/0/public/Trades?pair=XXBTZUSD&since={KrakenTradeBackfill.Cursor(before[^1].Time)}", requests[0]);
        Assert.Equal($"/0/public/Trades?pair=XXBTZUSD&since={KrakenTradeBackfill.Cursor(missed[998].Time)}", requests[1]);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }
}
