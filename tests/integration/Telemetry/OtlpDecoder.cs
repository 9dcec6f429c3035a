namespace Trading.Integration.Tests.Telemetry;

/// <summary>
/// Decodes OTLP/HTTP protobuf export requests (opentelemetry/proto collector/trace/v1 and collector/metrics/v1) into the
/// spans and metric names they carry, with the <c>service.name</c> of their resource.
/// </summary>
public static class OtlpDecoder
{
    public static IReadOnlyList<ExportedSpan> Spans(ReadOnlySpan<byte> exportTraceServiceRequest)
    {
        // ResourceSpans -> ScopeSpans -> Span.
        var spans = new List<ExportedSpan>();
        foreach (var (service, scope, span) in Items(exportTraceServiceRequest))
        {
            spans.Add(ReadSpan(span, service, scope));
        }

        return spans;
    }

    public static IReadOnlyList<ExportedMetric> Metrics(ReadOnlySpan<byte> exportMetricsServiceRequest)
    {
        // ResourceMetrics -> ScopeMetrics -> Metric.
        var metrics = new List<ExportedMetric>();
        foreach (var (service, scope, metric) in Items(exportMetricsServiceRequest))
        {
            metrics.Add(ReadMetric(metric, service, scope));
        }

        return metrics;
    }

    /// <summary>
    /// The items (spans, metrics) of an export request with their resource's service name and their scope's name. Traces
    /// and metrics share the shape: request field 1 is the resource group (resource = 1, scope groups = 2), a scope group
    /// has scope = 1 and items = 2.
    /// </summary>
    private static List<(string Service, string Scope, byte[] Item)> Items(ReadOnlySpan<byte> request)
    {
        var items = new List<(string, string, byte[])>();
        foreach (var (resource, scopeGroups) in Groups(request, topField: 1))
        {
            var service = resource is null ? "" : ServiceName(resource);
            foreach (var scopeGroup in scopeGroups)
            {
                foreach (var (scope, found) in Groups(scopeGroup, topField: null))
                {
                    items.AddRange(found.Select(item => (service, scope is null ? "" : ScopeName(scope), item)));
                }
            }
        }

        return items;
    }

    /// <summary>
    /// Reads a message whose field 1 is a header (resource or scope) and field 2 a repeated child. With
    /// <paramref name="topField"/>, <paramref name="message"/> is a request of repeated groups in that field instead.
    /// </summary>
    private static List<(byte[]? Header, List<byte[]> Children)> Groups(ReadOnlySpan<byte> message, int? topField)
    {
        var groups = new List<(byte[]?, List<byte[]>)>();
        if (topField is { } field)
        {
            var request = new ProtobufReader(message);
            while (request.Next())
            {
                if (request.FieldNumber == field)
                {
                    groups.AddRange(Groups(request.Bytes(), topField: null));
                }
                else
                {
                    request.Skip();
                }
            }

            return groups;
        }

        var reader = new ProtobufReader(message);
        byte[]? header = null;
        var children = new List<byte[]>();
        while (reader.Next())
        {
            switch (reader.FieldNumber)
            {
                case 1:
                    header = reader.Bytes().ToArray();
                    break;
                case 2:
                    children.Add(reader.Bytes().ToArray());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        groups.Add((header, children));
        return groups;
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

    /// <summary>Metric: name = 1, gauge = 5, sum = 7, histogram = 9, exponential_histogram = 10, summary = 11.</summary>
    private static ExportedMetric ReadMetric(ReadOnlySpan<byte> metric, string service, string scope)
    {
        var fields = new ProtobufReader(metric);
        var name = "";
        var kind = ExportedMetricKind.Unknown;
        while (fields.Next())
        {
            if (fields.FieldNumber == 1)
            {
                name = fields.String();
                continue;
            }

            kind = fields.FieldNumber switch
            {
                5 => ExportedMetricKind.Gauge,
                7 => ExportedMetricKind.Sum,
                9 => ExportedMetricKind.Histogram,
                10 => ExportedMetricKind.ExponentialHistogram,
                11 => ExportedMetricKind.Summary,
                _ => kind,
            };
            fields.Skip();
        }

        return new ExportedMetric(service, scope, name, kind);
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
