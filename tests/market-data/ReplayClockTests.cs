using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests;

public sealed class ReplayClockTests
{
    private static readonly DateTimeOffset FirstTrade = new(2025, 11, 10, 17, 23, 53, TimeSpan.Zero);
    private static readonly DateTimeOffset WallStart = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Speed_zero_never_waits()
    {
        var clock = new ReplayClock(0m);
        clock.Start(FirstTrade, WallStart);

        var delay = clock.DelayUntilDue(FirstTrade.AddHours(5), WallStart);

        Assert.Equal(TimeSpan.Zero, delay);
    }

    [Fact]
    public void Real_time_waits_for_the_recorded_gap()
    {
        var clock = new ReplayClock(1m);
        clock.Start(FirstTrade, WallStart);

        var delay = clock.DelayUntilDue(FirstTrade.AddSeconds(30), WallStart.AddSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(20), delay);
    }

    [Fact]
    public void Ten_times_faster_waits_a_tenth_of_the_gap()
    {
        var clock = new ReplayClock(10m);
        clock.Start(FirstTrade, WallStart);

        var delay = clock.DelayUntilDue(FirstTrade.AddMinutes(1), WallStart);

        Assert.Equal(TimeSpan.FromSeconds(6), delay);
    }

    [Fact]
    public void Slower_than_real_time_stretches_the_gap()
    {
        var clock = new ReplayClock(0.5m);
        clock.Start(FirstTrade, WallStart);

        var delay = clock.DelayUntilDue(FirstTrade.AddSeconds(3), WallStart);

        Assert.Equal(TimeSpan.FromSeconds(6), delay);
    }

    [Fact]
    public void A_trade_already_due_waits_nothing()
    {
        var clock = new ReplayClock(1m);
        clock.Start(FirstTrade, WallStart);

        Assert.Equal(TimeSpan.Zero, clock.DelayUntilDue(FirstTrade.AddSeconds(1), WallStart.AddSeconds(5)));
        Assert.Equal(TimeSpan.Zero, clock.DelayUntilDue(FirstTrade.AddSeconds(-1), WallStart));
    }

    [Fact]
    public void Waits_nothing_before_it_is_started()
    {
        var clock = new ReplayClock(1m);

        Assert.False(clock.IsStarted);
        Assert.Equal(TimeSpan.Zero, clock.DelayUntilDue(FirstTrade.AddHours(1), WallStart));
    }

    [Fact]
    public void Caps_the_scaled_time_of_a_tiny_speed()
    {
        var scaled = ReplayClock.Scale(TimeSpan.FromDays(365), 0.0000001m);

        Assert.Equal(TimeSpan.FromDays(3650), scaled);
    }
}
