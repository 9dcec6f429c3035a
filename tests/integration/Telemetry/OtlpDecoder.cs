namespace Trading.Integration.Tests.Telemetry;

/// <summary>
/// Decodes OTLP/HTTP protobuf export requests (opentelemetry/proto collector/trace/v1 and collector/metrics/v1) into the
/// spans and metric names they carry, with the <c>service.name</c> of their resource.
/// </summary>
public static class OtlpDecoder
{
    public static IReadOnlyList<ExportedSpan> Spans(ReadOnlySpan<byte> exportTraceServiceRequest)
    {
        var spans = new List<ExportedSpan>();
        var request = new ProtobufReader(exportTraceServiceRequest);
        while (request.Next())
        {
            if (request.FieldNumber != 1)
            {
                request.Skip();
                continue;
            }

            // ResourceSpans: resource = 1, scope_spans = 2.
            var resourceSpans = new ProtobufReader(request.Bytes());
            var service = "";
            var scopes = new List<byte[]>();
            while (resourceSpans.Next())
            {
                switch (resourceSpans.FieldNumber)
                {
                    case 1:
                        service = ServiceName(resourceSpans.Bytes());
                        break;
                    case 2:
                        scopes.Add(resourceSpans.Bytes().ToArray());
                        break;
                    default:
                        resourceSpans.Skip();
                        break;
                }
            }

            foreach (var scope in scopes)
            {
                ReadScopeSpans(scope, service, spans);
            }
        }

        return spans;
    }

    public static IReadOnlyList<ExportedMetric> Metrics(ReadOnlySpan<byte> exportMetricsServiceRequest)
    {
        var metrics = new List<ExportedMetric>();
        var request = new ProtobufReader(exportMetricsServiceRequest);
        while (request.Next())
        {
            if (request.FieldNumber != 1)
            {
                request.Skip();
                continue;
            }

            // ResourceMetrics: resource = 1, scope_metrics = 2.
            var resourceMetrics = new ProtobufReader(request.Bytes());
            var service = "";
            var scopes = new List<byte[]>();
            while (resourceMetrics.Next())
            {
                switch (resourceMetrics.FieldNumber)
                {
                    case 1:
                        service = ServiceName(resourceMetrics.Bytes());
                        break;
                    case 2:
                        scopes.Add(resourceMetrics.Bytes().ToArray());
                        break;
                    default:
                        resourceMetrics.Skip();
                        break;
                }
            }

            foreach (var scope in scopes)
            {
                ReadScopeMetrics(scope, service, metrics);
            }
        }

        return metrics;
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> scopeSpans, string service, List<ExportedSpan> spans)
    {
        // ScopeSpans: scope = 1, spans = 2.
        var reader = new ProtobufReader(scopeSpans);
        var scope = "";
        var found = new List<byte[]>();
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1:
                    scope = ScopeName(reader.Bytes());
                    break;
                case 2:
                    found.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        foreach (var span in found)
        {
            spans.Add(ReadSpan(span, service, scope));
        }
    }

    private static ExportedSpan ReadSpan(ReadOnlySpan<byte> span, string service, string scope)
    {
        // Span: trace_id = 1, span_id = 2, parent_span_id = 4, name = 5.
        var reader = new ProtobufReader(span);
        string traceId = "", spanId = "", name = "";
        string? parent = null;
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1:
                    traceId = Convert.ToHexStringLower(reader.Bytes());
                    break;
                case 2:
                    spanId = Convert.ToHexStringLower(reader.Bytes());
                    break;
                case 4:
                    var bytes = reader.Bytes();
                    parent = bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes);
                    break;
                case 5:
                    name = reader.String();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ExportedSpan(service, scope, traceId, spanId, parent, name);
    }

    private static void ReadScopeMetrics(ReadOnlySpan<byte> scopeMetrics, string service, List<ExportedMetric> metrics)
    {
        // ScopeMetrics: scope = 1, metrics = 2. Metric: name = 1, gauge = 5, sum = 7, histogram = 9,
        // exponential_histogram = 10, summary = 11.
        var reader = new ProtobufReader(scopeMetrics);
        var scope = "";
        var found = new List<byte[]>();
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1:
                    scope = ScopeName(reader.Bytes());
                    break;
                case 2:
                    found.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        foreach (var metric in found)
        {
            var fields = new ProtobufReader(metric);
            var name = "";
            var kind = ExportedMetricKind.Unknown;
            while (fields.Next())
            {
                switch (fields.FieldNumber)
                {
                    case 1:
                        name = fields.String();
                        break;
                    case 5:
                        kind = ExportedMetricKind.Gauge;
                        fields.Skip();
                        break;
                    case 7:
                        kind = ExportedMetricKind.Sum;
                        fields.Skip();
                        break;
                    case 9:
                        kind = ExportedMetricKind.Histogram;
                        fields.Skip();
                        break;
                    case 10:
                        kind = ExportedMetricKind.ExponentialHistogram;
                        fields.Skip();
                        break;
                    case 11:
                        kind = ExportedMetricKind.Summary;
                        fields.Skip();
                        break;
                    default:
                        fields.Skip();
                        break;
                }
            }

            metrics.Add(new ExportedMetric(service, scope, name, kind));
        }
    }

    /// <summary>InstrumentationScope: name = 1.</summary>
    private static string ScopeName(ReadOnlySpan<byte> scope)
    {
        var reader = new ProtobufReader(scope);
        while (reader.Next())
        {
            if (reader.FieldNumber == 1)
            {
                return reader.String();
            }

            reader.Skip();
        }

        return "";
    }

    /// <summary>Resource: attributes = 1 (KeyValue: key = 1, value = 2; AnyValue: string_value = 1).</summary>
    private static string ServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtobufReader(resource);
        while (reader.Next())
        {
            if (reader.FieldNumber != 1)
            {
                reader.Skip();
                continue;
            }

            var attribute = new ProtobufReader(reader.Bytes());
            string? key = null, value = null;
            while (attribute.Next())
            {
                if (attribute.FieldNumber == 1)
                {
                    key = attribute.String();
                }
                else if (attribute.FieldNumber == 2)
                {
                    var any = new ProtobufReader(attribute.Bytes());
                    while (any.Next())
                    {
                        if (any.FieldNumber == 1)
                        {
                            value = any.String();
                        }
                        else
                        {
                            any.Skip();
                        }
                    }
                }
                else
                {
                    attribute.Skip();
                }
            }

            if (key == "service.name" && value is not null)
            {
                return value;
            }
        }

        return "";
    }
}
