using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

public sealed class MarketDataMessagesTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Trade_keeps_the_venue_id_and_exchange_and_receive_times_apart()
    {
        var trade = MarketDataMessages.ToTrade(new VenueTrade("BTC/USD", "61044952", 30243.4m, 0.5m, TradeSide.Sell, T0), T0.AddMilliseconds(80));

        Assert.Equal(("61044952", T0, T0.AddMilliseconds(80)), (trade.TradeId, trade.ExchangeTime, trade.ReceivedAt));
    }

    [Fact]
    public void Same_batch_gets_the_same_id()
    {
        var trades = new[] { MarketDataMessages.ToTrade(new VenueTrade("BTC/USD", "1", 1m, 1m, TradeSide.Buy, T0), T0) };

        var first = MarketDataMessages.ToTradesReceived(new TradeBatch("KRAKEN", "BTC/USD", trades));
        var again = MarketDataMessages.ToTradesReceived(new TradeBatch("KRAKEN", "BTC/USD", trades));
        var other = MarketDataMessages.ToTradesReceived(new TradeBatch("COINBASE", "BTC/USD", trades));

        Assert.Equal(first.BatchId, again.BatchId);
        Assert.NotEqual(first.BatchId, other.BatchId);
    }

    [Fact]
    public void Gap_is_a_live_status_naming_symbol_range_and_reason()
    {
        var status = MarketDataMessages.ToGapStatus("KRAKEN", "BTC/USD", T0, T0.AddMinutes(1), "EAPI:Rate limit exceeded", T0.AddMinutes(2));

        Assert.Equal(FeedStatus.Live, status.Status);
        Assert.Equal(
            "gap: no trades could be fetched for BTC/USD from 2024-01-02T03:04:05.0000000+00:00 to 2024-01-02T03:05:05.0000000+00:00 (EAPI:Rate limit exceeded)",
            status.Reason);
    }
}
