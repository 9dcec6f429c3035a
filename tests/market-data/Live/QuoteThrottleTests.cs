using Trading.Contracts.MarketData;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

public sealed class QuoteThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void First_quote_of_a_symbol_goes_out_at_once()
    {
        var throttle = new QuoteThrottle(TimeSpan.FromSeconds(1));

        var sent = throttle.Offer(Quote("BTC/USD", 100m), T0);

        Assert.Equal(100m, sent?.BidPrice);
    }

    [Fact]
    public void Quotes_within_the_interval_are_held_and_only_the_latest_goes_out()
    {
        var throttle = new QuoteThrottle(TimeSpan.FromSeconds(1));
        throttle.Offer(Quote("BTC/USD", 100m), T0);

        var second = throttle.Offer(Quote("BTC/USD", 101m), T0.AddMilliseconds(300));
        var third = throttle.Offer(Quote("BTC/USD", 102m), T0.AddMilliseconds(600));
        var early = throttle.TakeDue(T0.AddMilliseconds(999));
        var due = throttle.TakeDue(T0.AddSeconds(1));

        Assert.Null(second);
        Assert.Null(third);
        Assert.Empty(early);
        Assert.Equal(102m, Assert.Single(due).BidPrice);
        Assert.Empty(throttle.TakeDue(T0.AddSeconds(5)));
    }

    [Fact]
    public void Each_symbol_has_its_own_interval()
    {
        var throttle = new QuoteThrottle(TimeSpan.FromSeconds(1));
        throttle.Offer(Quote("BTC/USD", 100m), T0);

        var other = throttle.Offer(Quote("ETH/USD", 2000m), T0.AddMilliseconds(10));

        Assert.NotNull(other);
    }

    [Fact]
    public void Quote_after_the_interval_goes_out_at_once_and_replaces_a_held_one()
    {
        var throttle = new QuoteThrottle(TimeSpan.FromSeconds(1));
        throttle.Offer(Quote("BTC/USD", 100m), T0);
        throttle.Offer(Quote("BTC/USD", 101m), T0.AddMilliseconds(500));

        var sent = throttle.Offer(Quote("BTC/USD", 102m), T0.AddSeconds(2));

        Assert.Equal(102m, sent?.BidPrice);
        Assert.Empty(throttle.TakeDue(T0.AddSeconds(10)));
    }

    private static QuoteUpdated Quote(string symbol, decimal bid) => new()
    {
        Venue = "KRAKEN",
        Symbol = symbol,
        BidPrice = bid,
        BidQuantity = 1m,
        AskPrice = bid + 1m,
        AskQuantity = 1m,
        ExchangeTime = T0,
        ReceivedAt = T0,
    };
}
