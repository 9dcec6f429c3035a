using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>The service's own <see cref="Meter"/> (<c>Trading.&lt;Service&gt;</c>) and the activity source of the shared plumbing.</summary>
public sealed class ServiceTelemetry(ServiceIdentity identity, IMeterFactory meterFactory)
{
    public const string SourceName = "Trading";

    public static ActivitySource Source { get; } = new(SourceName);

    public Meter Meter { get; } = meterFactory.Create(identity.MeterName);
}
