using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Trading.Integration.Tests.Infrastructure;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>A local HTTP endpoint standing in for a trader's webhook: it records every request it gets.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedWebhook> Requests { get; } = new();

    public Uri Url => new(LoopbackHttpApp.Address(_app), "/hook");

    public static async Task<WebhookReceiver> StartAsync()
    {
        WebhookReceiver? receiver = null;
        await LoopbackHttpApp.StartAsync(app =>
        {
            receiver = new WebhookReceiver(app);
            app.MapPost("/hook", receiver.ReceiveAsync);
        });
        return receiver!;
    }

    public ValueTask DisposeAsync() => LoopbackHttpApp.StopAsync(_app);

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var body = await JsonDocument.ParseAsync(request.Body);
        var traceParent = request.Headers["traceparent"].ToString();
        ActivityTraceId? traceId = ActivityContext.TryParse(traceParent, null, out var context) ? context.TraceId : null;
        Requests.Enqueue(new ReceivedWebhook(body.RootElement.Clone(), request.Headers["Idempotency-Key"].ToString(), traceId));
        return Results.Ok();
    }
}
