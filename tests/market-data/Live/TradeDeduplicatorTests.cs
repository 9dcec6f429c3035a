using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

public sealed class TradeDeduplicatorTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Trades_resent_after_a_reconnect_are_dropped()
    {
        var deduplicator = new TradeDeduplicator();
        foreach (var id in new[] { "1", "2", "3" })
        {
            deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", id));
        }

        var accepted = new[] { "2", "3", "4", "5" }.Where(id => deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", id))).ToList();

        Assert.Equal(["4", "5"], accepted);
        Assert.Equal("5", deduplicator.LastAccepted("KRAKEN", "BTC/USD")?.TradeId);
    }

    [Fact]
    public void Oldest_id_is_forgotten_once_the_window_is_full()
    {
        var deduplicator = new TradeDeduplicator(capacity: 3);
        foreach (var id in new[] { "1", "2", "3", "4" })
        {
            deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", id));
        }

        var oldest = deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", "1"));
        var recent = deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", "4"));

        Assert.True(oldest);
        Assert.False(recent);
    }

    [Fact]
    public void Same_id_on_another_symbol_or_venue_is_a_different_trade()
    {
        var deduplicator = new TradeDeduplicator();
        deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", "7"));

        var otherSymbol = deduplicator.TryAccept("KRAKEN", Trade("ETH/USD", "7"));
        var otherVenue = deduplicator.TryAccept("COINBASE", Trade("BTC/USD", "7"));
        var same = deduplicator.TryAccept("KRAKEN", Trade("BTC/USD", "7"));

        Assert.True(otherSymbol);
        Assert.True(otherVenue);
        Assert.False(same);
    }

    [Fact]
    public void Nothing_accepted_means_no_last_trade()
    {
        var deduplicator = new TradeDeduplicator();

        var last = deduplicator.LastAccepted("KRAKEN", "BTC/USD");

        Assert.Null(last);
    }

    private static VenueTrade Trade(string symbol, string id) => new(symbol, id, 100m, 1m, TradeSide.Buy, T0);
}
