using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace Trading.FakeVenues;

/// <summary>
/// A real Kestrel server on a free loopback port that answers each request with the next scripted response, byte for
/// byte, and records what it was asked. With nothing scripted it answers 599 so a test sees the extra request.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedResponse> _responses = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly WebApplication _app;

    private ScriptedHttpServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The request target (path and query) of every request received, exactly as sent on the wire.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<ScriptedHttpServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ScriptedHttpServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single() + "/");
        return server;
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public void Respond(byte[] body, int status = 200, params (string Name, string Value)[] headers) =>
        _responses.Enqueue(new ScriptedResponse(status, body, headers));

    public void Respond(string body, int status = 200, params (string Name, string Value)[] headers) =>
        Respond(System.Text.Encoding.UTF8.GetBytes(body), status, headers);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        _requests.Enqueue(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
        if (!_responses.TryDequeue(out var response))
        {
            context.Response.StatusCode = 599;
            return;
        }

        context.Response.StatusCode = response.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        await context.Response.Body.WriteAsync(response.Body);
    }

    private sealed record ScriptedResponse(int Status, byte[] Body, (string Name, string Value)[] Headers);
}
