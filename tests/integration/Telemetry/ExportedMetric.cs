namespace Trading.Integration.Tests.Telemetry;

/// <summary>A metric as a service exported it over OTLP: its meter (scope), instrument name and kind.</summary>
public sealed record ExportedMetric(string Service, string Scope, string Name, ExportedMetricKind Kind);
