namespace Trading.Integration.Tests.Telemetry;

/// <summary>A span as a service exported it over OTLP: ids in lower-case hex, the emitting service's <c>service.name</c>.</summary>
public sealed record ExportedSpan(string Service, string Scope, string TraceId, string SpanId, string? ParentSpanId, string Name);
