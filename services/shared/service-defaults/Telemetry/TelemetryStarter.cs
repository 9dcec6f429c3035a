using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// Creates the tracer and meter providers when the host starts (they listen from then on) and lets the container
/// dispose them, which flushes the exporters, on shutdown.
/// </summary>
public sealed class TelemetryStarter(TracerProvider tracerProvider, MeterProvider meterProvider) : IHostedLifecycleService
{
    public TracerProvider TracerProvider { get; } = tracerProvider;

    public MeterProvider MeterProvider { get; } = meterProvider;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
