namespace Trading.Integration.Tests.Telemetry;

/// <summary>The OTLP data field a metric arrived in.</summary>
public enum ExportedMetricKind
{
    Gauge,
    Sum,
    Histogram,
    ExponentialHistogram,
    Summary,
    Unknown,
}
