using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trading.FakeVenues.Chat;

/// <summary>
/// What the fake chat servers share: a real Kestrel server on a free loopback port that records every request (method, path,
/// headers, body, arrival time) and answers it with the next scripted <see cref="FakeReply"/>, or with the API's success answer
/// when nothing is scripted. A request for a path the API does not know (a wrong token) gets the API's own refusal and does not
/// use up the script. Safe to use from several clients at once.
/// </summary>
public abstract class FakeChatServer : IAsyncDisposable
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private readonly ConcurrentQueue<FakeChatRequest> _requests = new();
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimeProvider _time;
    private WebApplication? _app;

    private protected FakeChatServer(TimeProvider? time) => _time = time ?? TimeProvider.System;

    /// <summary>The server's root, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request received, in arrival order.</summary>
    public IReadOnlyList<FakeChatRequest> Requests => [.. _requests];

    /// <summary>Scripted replies not used yet.</summary>
    public int PendingReplies => _script.Count;

    private protected TimeProvider Time => _time;

    private protected CancellationToken Stopping => _stopping.Token;

    /// <summary>The next requests get these replies, in order; after them the API's success answer again.</summary>
    public void Script(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests arrived; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<FakeChatRequest>> WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (_requests.Count < count)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{GetType().Name} received {_requests.Count} of {count} requests within {timeout}.");
            }

            await Task.Delay(10);
        }

        return Requests;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A random token of <paramref name="length"/> letters and digits, like the secret part of a webhook URL.</summary>
    private protected static string RandomToken(int length) => RandomNumberGenerator.GetString(TokenAlphabet, length);

    private protected async Task ListenAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.Single() + "/");
    }

    /// <summary>The API's own answer to a request that does not depend on the script (a wrong path or token, a long poll); null otherwise.</summary>
    private protected virtual ValueTask<FakeReply?> AnswerAsync(FakeChatRequest request, CancellationToken aborted) => ValueTask.FromResult<FakeReply?>(null);

    /// <summary>The API's success answer to <paramref name="request"/>.</summary>
    private protected abstract FakeReply Success(FakeChatRequest request);

    /// <summary>The next scripted reply from <paramref name="script"/>, else the success answer.</summary>
    private protected FakeReply Next(ConcurrentQueue<FakeReply> script, FakeChatRequest request) =>
        script.TryDequeue(out var reply) ? reply : Success(request);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var request = new FakeChatRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body,
            _time.GetUtcNow());
        _requests.Enqueue(request);

        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            var reply = await AnswerAsync(request, aborted.Token) ?? Next(_script, request);
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, aborted.Token);
            }

            await WriteAsync(context, reply, aborted.Token);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout) or the server is stopping: nobody reads an answer.
            context.Abort();
        }
    }

    private static async Task WriteAsync(HttpContext context, FakeReply reply, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.Body is not null && reply.Status is not (204 or 304))
        {
            await context.Response.WriteAsync(reply.Body, cancellationToken);
        }
    }
}
