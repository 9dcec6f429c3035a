using Microsoft.Extensions.Options;

namespace Trading.MarketData.Live.Scaling;

/// <summary>Fails start-up on timings that could let two instances stream one symbol, or on an unusable instance name.</summary>
public sealed class ScalingOptionsValidator : IValidateOptions<ScalingOptions>
{
    public const int MaxInstanceNameLength = 100;

    public ValidateOptionsResult Validate(string? name, ScalingOptions options)
    {
        var failures = new List<string>();
        var section = ScalingOptions.Section;
        if (string.IsNullOrWhiteSpace(options.InstanceName) || options.InstanceName.Length > MaxInstanceNameLength)
        {
            failures.Add($"Configuration key '{section}:{nameof(ScalingOptions.InstanceName)}' must be 1 to {MaxInstanceNameLength} characters; it is '{options.InstanceName}'.");
        }

        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add($"Configuration key '{section}:{nameof(ScalingOptions.HeartbeatInterval)}' must be a positive time span such as 00:00:05; it is {options.HeartbeatInterval}.");
        }
        else if (options.LeaseTimeout <= 2 * options.HeartbeatInterval)
        {
            // An instance stops streaming one heartbeat before its leases can expire, and needs at least one more
            // heartbeat to renew them in between; anything shorter fences a healthy instance.
            failures.Add(
                $"Configuration key '{section}:{nameof(ScalingOptions.LeaseTimeout)}' must be more than twice "
                + $"'{section}:{nameof(ScalingOptions.HeartbeatInterval)}' ({options.HeartbeatInterval}); it is {options.LeaseTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
