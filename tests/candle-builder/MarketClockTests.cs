using Trading.CandleBuilder.Candles;
using Trading.Markets;

namespace Trading.CandleBuilder.Tests;

public sealed class MarketClockTests
{
    private static readonly DateTimeOffset LastTradeAt = new(2025, 11, 10, 17, 24, 30, TimeSpan.Zero);
    private static readonly DateTimeOffset ConsumedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset ProcessStart = ConsumedAt.AddMinutes(-10);

    [Fact]
    public void Adds_the_wall_time_elapsed_since_the_trade_was_consumed()
    {
        var now = MarketClock.Now(LastTradeAt, ConsumedAt, ProcessStart, ConsumedAt.AddSeconds(45));

        Assert.Equal(LastTradeAt.AddSeconds(45), now);
    }

    [Fact]
    public void Is_the_trade_time_at_the_moment_the_trade_is_consumed()
    {
        var now = MarketClock.Now(LastTradeAt, ConsumedAt, ProcessStart, ConsumedAt);

        Assert.Equal(LastTradeAt, now);
    }

    [Fact]
    public void Does_not_count_downtime_before_the_process_started()
    {
        var restartedAt = ConsumedAt.AddHours(2);

        var now = MarketClock.Now(LastTradeAt, ConsumedAt, restartedAt, restartedAt.AddSeconds(5));

        Assert.Equal(LastTradeAt.AddSeconds(5), now);
    }

    [Fact]
    public void Never_goes_before_the_last_trade_when_the_wall_clock_steps_back()
    {
        var now = MarketClock.Now(LastTradeAt, ConsumedAt, ProcessStart, ConsumedAt.AddSeconds(-3));

        Assert.Equal(LastTradeAt, now);
    }

    [Fact]
    public void Equals_wall_time_on_a_live_feed()
    {
        var wallNow = ConsumedAt.AddSeconds(17);

        var now = MarketClock.Now(ConsumedAt.AddMilliseconds(-80), ConsumedAt, ProcessStart, wallNow);

        Assert.Equal(wallNow.AddMilliseconds(-80), now);
    }

    [Fact]
    public void Closes_a_candle_only_once_its_end_plus_the_grace_period_has_passed_on_the_market_clock()
    {
        var grace = TimeSpan.FromSeconds(2);
        var closed = new List<Candle>();
        var aggregator = new CandleAggregator(Interval.OneMinute, closed.Add);
        aggregator.Update(LastTradeAt, 100m, 1m);
        var end = Interval.OneMinute.Floor(LastTradeAt) + TimeSpan.FromMinutes(1);
        var elapsedToDue = end + grace - LastTradeAt;

        aggregator.Scan(MarketClock.ScanHorizon(MarketClock.Now(LastTradeAt, ConsumedAt, ProcessStart, ConsumedAt + elapsedToDue - TimeSpan.FromMilliseconds(1)), grace));
        var closedBeforeDue = closed.Count;
        aggregator.Scan(MarketClock.ScanHorizon(MarketClock.Now(LastTradeAt, ConsumedAt, ProcessStart, ConsumedAt + elapsedToDue), grace));

        Assert.Equal(0, closedBeforeDue);
        Assert.Equal(end, Assert.Single(closed).ClosedAt);
    }
}
