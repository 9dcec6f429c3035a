using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>Not ready until the warm-up has finished, so a rollout waits for indicators downstream to have their history.</summary>
public sealed class CandleWarmUpHealthCheck(CandleWarmUpStatus status) : IHealthCheck
{
    public const string Name = "candle-warm-up";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (done, series) = status.Progress;
        return Task.FromResult(status.IsFinished
            ? HealthCheckResult.Healthy("warm-up finished")
            : HealthCheckResult.Unhealthy(series < 0 ? "warm-up not started" : $"warm-up running: {done} of {series} series done"));
    }
}
