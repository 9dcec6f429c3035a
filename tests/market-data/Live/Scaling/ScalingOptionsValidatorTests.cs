using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class ScalingOptionsValidatorTests
{
    private readonly ScalingOptionsValidator _validator = new();

    [Fact]
    public void Defaults_are_valid_and_name_the_instance_after_the_host()
    {
        var options = new ScalingOptions();

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(Environment.MachineName, options.InstanceName);
        Assert.Equal(TimeSpan.FromSeconds(5), options.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromSeconds(15), options.LeaseTimeout);
    }

    [Fact]
    public void A_lease_timeout_of_two_heartbeats_or_less_fails_naming_both_keys()
    {
        var options = new ScalingOptions { HeartbeatInterval = TimeSpan.FromSeconds(5), LeaseTimeout = TimeSpan.FromSeconds(10) };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Scaling:LeaseTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Scaling:HeartbeatInterval", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_instance_name_and_a_non_positive_heartbeat_are_each_reported()
    {
        var options = new ScalingOptions { InstanceName = " ", HeartbeatInterval = TimeSpan.Zero };

        var result = _validator.Validate(null, options);

        Assert.Equal(2, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("Scaling:InstanceName", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("Scaling:HeartbeatInterval", StringComparison.Ordinal));
    }
}
