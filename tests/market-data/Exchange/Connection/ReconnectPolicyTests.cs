using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Tests.Exchange.Connection;

public sealed class ReconnectPolicyTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Delay_ceiling_doubles_per_failure_from_the_base_delay()
    {
        var clock = new ManualTimeProvider(Start);
        var policy = new ReconnectPolicy(new ReconnectPolicyOptions(), clock, new FixedRandom(1.0));

        var delays = Enumerable.Range(0, 5).Select(_ => Fail(policy)).ToList();

        Assert.Equal([1, 2, 4, 8, 16], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void Delay_is_capped_at_the_maximum()
    {
        var policy = new ReconnectPolicy(new ReconnectPolicyOptions(), new ManualTimeProvider(Start), new FixedRandom(1.0));

        var delays = Enumerable.Range(0, 40).Select(_ => Fail(policy)).ToList();

        Assert.Equal(TimeSpan.FromSeconds(60), delays.Max());
        Assert.Equal(TimeSpan.FromSeconds(60), delays[^1]);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 1)]
    [InlineData(0.5, 2)]
    public void Jitter_draws_the_delay_uniformly_between_zero_and_the_ceiling(double fraction, double expectedSeconds)
    {
        var policy = new ReconnectPolicy(new ReconnectPolicyOptions(), new ManualTimeProvider(Start), new FixedRandom(fraction));
        Fail(policy);
        Fail(policy);

        var third = Fail(policy);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), third);
    }

    [Fact]
    public void A_connection_live_for_the_reset_period_starts_the_backoff_again()
    {
        var clock = new ManualTimeProvider(Start);
        var policy = new ReconnectPolicy(new ReconnectPolicyOptions(), clock, new FixedRandom(1.0));
        Fail(policy);
        Fail(policy);
        Fail(policy);
        policy.AttemptStarting();
        policy.BecameLive();
        clock.Advance(TimeSpan.FromSeconds(60));

        var delay = policy.NextDelay();

        Assert.Equal(TimeSpan.FromSeconds(1), delay);
    }

    [Fact]
    public void A_connection_live_for_less_than_the_reset_period_keeps_backing_off()
    {
        var clock = new ManualTimeProvider(Start);
        var policy = new ReconnectPolicy(new ReconnectPolicyOptions(), clock, new FixedRandom(1.0));
        Fail(policy);
        Fail(policy);
        policy.AttemptStarting();
        policy.BecameLive();
        clock.Advance(TimeSpan.FromSeconds(59));

        var delay = policy.NextDelay();

        Assert.Equal(TimeSpan.FromSeconds(4), delay);
    }

    [Fact]
    public void Default_budget_allows_100_attempts_per_10_minutes()
    {
        var options = new ReconnectPolicyOptions();

        Assert.Equal(100, options.MaxAttemptsPerWindow);
        Assert.Equal(TimeSpan.FromMinutes(10), options.AttemptWindow);
    }

    [Fact]
    public void Exhausted_budget_waits_until_the_oldest_attempt_leaves_the_window()
    {
        var clock = new ManualTimeProvider(Start);
        var options = new ReconnectPolicyOptions { MaxAttemptsPerWindow = 3, AttemptWindow = TimeSpan.FromMinutes(10) };
        var policy = new ReconnectPolicy(options, clock, new FixedRandom(0.0));
        for (var i = 0; i < 3; i++)
        {
            policy.AttemptStarting();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        var delay = policy.NextDelay();

        Assert.Equal(TimeSpan.FromMinutes(7), delay);
    }

    [Fact]
    public void Budget_frees_up_once_attempts_leave_the_window()
    {
        var clock = new ManualTimeProvider(Start);
        var options = new ReconnectPolicyOptions { MaxAttemptsPerWindow = 3, AttemptWindow = TimeSpan.FromMinutes(10) };
        var policy = new ReconnectPolicy(options, clock, new FixedRandom(0.0));
        for (var i = 0; i < 3; i++)
        {
            policy.AttemptStarting();
        }

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.Zero, policy.NextDelay());
    }

    [Fact]
    public void A_longer_backoff_wins_over_the_budget_delay()
    {
        var clock = new ManualTimeProvider(Start);
        var options = new ReconnectPolicyOptions { MaxAttemptsPerWindow = 2, AttemptWindow = TimeSpan.FromSeconds(10) };
        var policy = new ReconnectPolicy(options, clock, new FixedRandom(1.0));
        policy.AttemptStarting();
        policy.AttemptStarting();
        for (var i = 0; i < 5; i++)
        {
            policy.NextDelay();
        }

        var delay = policy.NextDelay();

        Assert.Equal(TimeSpan.FromSeconds(32), delay);
    }

    private static TimeSpan Fail(ReconnectPolicy policy)
    {
        policy.AttemptStarting();
        return policy.NextDelay();
    }
}
