using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;

namespace Trading.MarketData.Tests.Acceptance;

/// <summary>Several venues in priority order: failover, failback, and Coinbase as the primary venue.</summary>
public sealed class FailoverLiveFeedTests : IAsyncLifetime
{
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
    public async Task Kraken_going_down_fails_over_to_coinbase_and_fails_back_once_kraken_has_been_live_for_failback_after()
    {
        _harness = await LiveFeedHarness.StartAsync([Venues.Kraken, Venues.Coinbase], ["BTC/USD"]);
        await Feed.WaitUntilStreamingAsync(Venues.Kraken, "BTC/USD");
        await Feed.WaitUntilStreamingAsync(Venues.Coinbase, "BTC-USD");
        await Feed.WaitUntilActiveAsync(Venues.Kraken);
        var kraken = Feed.Fake(Venues.Kraken);

        // Coinbase has history before the last Kraken trade, as a real venue does, so its backfill reaches back far enough.
        await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 1);
        var krakenBefore = await Feed.AppendAsync(Venues.Kraken, "BTC/USD", 3);
        var coinbaseStandby = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 2);
        await Feed.WaitUntilPublishedAsync(Venues.Kraken, krakenBefore);

        kraken.RefuseConnections();
        await kraken.CloseAsync(Feed.Token);
        await Feed.WaitUntilActiveAsync(Venues.Coinbase);
        var coinbaseActive = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 3);
        await Feed.WaitUntilPublishedAsync(Venues.Coinbase, [.. coinbaseStandby, .. coinbaseActive]);
        var krakenMissed = await Feed.AppendAsync(Venues.Kraken, "BTC/USD", 2);
        kraken.AcceptConnections();
        await Feed.WaitUntilActiveAsync(Venues.Kraken);
        var krakenAfter = await Feed.AppendAsync(Venues.Kraken, "BTC/USD", 2);
        await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 1);
        await Feed.WaitUntilPublishedAsync(Venues.Kraken, [.. krakenMissed, .. krakenAfter]);

        Feed.AssertPublishedExactly(Venues.Kraken, [.. krakenBefore, .. krakenMissed, .. krakenAfter]);
        Feed.AssertPublishedExactly(Venues.Coinbase, [.. coinbaseStandby, .. coinbaseActive]);
        var statuses = Feed.Sink.Statuses.ToList();
        var down = statuses.FindIndex(s => s.Venue == Venues.Kraken && s.Status == FeedStatus.Down);
        var failover = statuses.FindIndex(Math.Max(down, 0), s => s.Venue == Venues.Coinbase && s.Reason.Contains("failing over to COINBASE", StringComparison.Ordinal));
        var failback = statuses.FindIndex(Math.Max(failover, 0), s => s.Venue == Venues.Kraken && s.Reason.Contains("failing back from COINBASE", StringComparison.Ordinal));
        Assert.True(down >= 0 && failover > down && failback > failover, $"down {down}, failover {failover}, failback {failback}");
        var published = Feed.Sink.Trades.SelectMany(b => b.Trades).Select(t => t.ExchangeTime).ToList();
        Assert.Equal(published.Order(), published);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Coinbase_as_primary_publishes_its_trades_and_quotes_while_kraken_stands_by()
    {
        _harness = await LiveFeedHarness.StartAsync([Venues.Coinbase, Venues.Kraken], ["BTC/USD", "ETH/USD"]);
        await Feed.WaitUntilStreamingAsync(Venues.Coinbase, "ETH-USD");
        await Feed.WaitUntilStreamingAsync(Venues.Kraken, "BTC/USD");
        await Feed.WaitUntilActiveAsync(Venues.Coinbase);

        var btc = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 2);
        var eth = await Feed.AppendAsync(Venues.Coinbase, "ETH-USD", 2);
        await Feed.AppendAsync(Venues.Kraken, "BTC/USD", 2);
        await Feed.Fake(Venues.Coinbase).SendQuoteAsync("BTC-USD", 60_000.5m, 1.25m, 60_000.75m, 0.5m, Feed.Token);
        await Feed.WaitUntilPublishedAsync(Venues.Coinbase, [.. btc, .. eth]);
        await Feed.WaitUntilAsync(() => Feed.Sink.Quotes.Count > 0, "a quote published");

        Feed.AssertPublishedExactly(Venues.Coinbase, [.. btc, .. eth]);
        Assert.Empty(Feed.Published(Venues.Kraken));
        var quote = Assert.Single(Feed.Sink.Quotes);
        Assert.Equal(
            (Venues.Coinbase, "BTC/USD", 60_000.5m, 1.25m, 60_000.75m, 0.5m),
            (quote.Venue, quote.Symbol, quote.Quote.BidPrice, quote.Quote.BidQuantity, quote.Quote.AskPrice, quote.Quote.AskQuantity));
        Feed.AssertStillRunning();
    }

    [Fact]
    public async Task Coinbase_sequence_gap_from_a_dropped_message_is_backfilled()
    {
        _harness = await LiveFeedHarness.StartAsync([Venues.Coinbase, Venues.Kraken], ["BTC/USD"]);
        await Feed.WaitUntilStreamingAsync(Venues.Coinbase, "BTC-USD");
        await Feed.WaitUntilActiveAsync(Venues.Coinbase);
        var before = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 2);
        await Feed.WaitUntilPublishedAsync(Venues.Coinbase, before);

        Feed.Fake<FakeCoinbaseServer>(Venues.Coinbase).DropNextTradeMessages(1);
        var dropped = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 1);
        var after = await Feed.AppendAsync(Venues.Coinbase, "BTC-USD", 2);
        await Feed.WaitUntilPublishedAsync(Venues.Coinbase, after);
        await Feed.WaitUntilAsync(
            () => Feed.Published(Venues.Coinbase).Any(t => t.TradeId == dropped[0].TradeId) || Feed.Sink.Gaps.Count > 0,
            $"trade {dropped[0].TradeId}, whose market_trades message was dropped (sequence_num jumped by 2), backfilled or reported as a gap");

        Feed.AssertPublishedExactly(Venues.Coinbase, [.. before, .. dropped, .. after]);
        Assert.Empty(Feed.Sink.Gaps);
        Feed.AssertStillRunning();
    }
}
