using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on loopback, standing in for the OpenTelemetry collector: it accepts protobuf export requests on
/// <c>/v1/traces</c>, <c>/v1/metrics</c> and <c>/v1/logs</c> as the collector does, and keeps the spans and metric names.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ExportedSpan> _spans = new();
    private readonly ConcurrentQueue<ExportedMetric> _metrics = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private int _logRequests;

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base endpoint, as OTEL_EXPORTER_OTLP_ENDPOINT takes it (the exporter appends the signal's path).</summary>
    public Uri Endpoint => LoopbackHttpApp.Address(_app);

    public IReadOnlyList<ExportedSpan> Spans => [.. _spans];

    public IReadOnlyList<ExportedMetric> Metrics => [.. _metrics];

    /// <summary>Requests that could not be decoded; a healthy exporter sends none.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public int LogRequests => Volatile.Read(ref _logRequests);

    public static async Task<OtlpReceiver> StartAsync()
    {
        OtlpReceiver? receiver = null;
        await LoopbackHttpApp.StartAsync(app =>
        {
            var r = receiver = new OtlpReceiver(app);
            app.MapPost("/v1/traces", request => r.ReceiveAsync(request, body => Enqueue(r._spans, OtlpDecoder.Spans(body))));
            app.MapPost("/v1/metrics", request => r.ReceiveAsync(request, body => Enqueue(r._metrics, OtlpDecoder.Metrics(body))));
            app.MapPost("/v1/logs", request => r.ReceiveAsync(request, _ => Interlocked.Increment(ref r._logRequests)));
        });
        return receiver!;
    }

    public ValueTask DisposeAsync() => LoopbackHttpApp.StopAsync(_app);

    private static void Enqueue<T>(ConcurrentQueue<T> queue, IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            queue.Enqueue(item);
        }
    }

    private async Task ReceiveAsync(HttpContext context, Action<byte[]> decode)
    {
        var request = context.Request;
        if (request.ContentType?.StartsWith("application/x-protobuf", StringComparison.Ordinal) != true)
        {
            _errors.Enqueue($"{request.Path}: content type '{request.ContentType}'");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        var source = request.Headers.ContentEncoding.ToString() == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        await source.CopyToAsync(body, context.RequestAborted);
        try
        {
            decode(body.ToArray());
        }
        catch (FormatException ex)
        {
            _errors.Enqueue($"{request.Path}: {ex.Message}");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        // An empty Export*ServiceResponse: everything accepted.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/x-protobuf";
    }
}
