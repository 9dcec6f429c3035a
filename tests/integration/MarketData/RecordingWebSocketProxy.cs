using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trading.Integration.Tests.MarketData;

/// <summary>
/// A WebSocket proxy on a free loopback port in front of a fake venue. It passes every frame through unchanged and
/// records, in one total order, which symbols each client connection subscribed to and when that connection ended, so a
/// test can tell whether two live connections were ever subscribed to the same symbol at once. The fake venue itself
/// records frames but not when a connection closes, and it sends trades only to its newest connection;
/// <see cref="SendToClientsAsync"/> sends to every open one.
/// </summary>
public sealed class RecordingWebSocketProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Uri _upstream;
    private readonly List<SubscriptionEvent> _events = [];
    private readonly Dictionary<int, (WebSocket Socket, SemaphoreSlim Sending)> _clients = [];
    private readonly CancellationTokenSource _disposing = new();
    private int _connections;

    private RecordingWebSocketProxy(WebApplication app, Uri upstream)
    {
        _app = app;
        _upstream = upstream;
    }

    public Uri Endpoint { get; private set; } = null!;

    public IReadOnlyList<SubscriptionEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public static async Task<RecordingWebSocketProxy> StartAsync(Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new RecordingWebSocketProxy(app, upstream);
        app.UseWebSockets();
        app.Run(proxy.HandleAsync);
        await app.StartAsync();
        proxy.Endpoint = new Uri(app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + upstream.AbsolutePath);
        return proxy;
    }

    /// <summary>The symbols of every connection that subscribed and has not ended, by connection number.</summary>
    public IReadOnlyDictionary<int, IReadOnlySet<string>> OpenSubscriptions() => Replay(Events).Open;

    /// <summary>Every subscribe that named a symbol another open connection was already subscribed to.</summary>
    public IReadOnlyList<string> DoubleSubscriptions() => Replay(Events).Doubles;

    /// <summary>Sends each open, subscribed connection the frame <paramref name="frameFor"/> makes from its symbols.</summary>
    public async Task SendToClientsAsync(Func<IReadOnlySet<string>, byte[]> frameFor, CancellationToken cancellationToken)
    {
        List<(WebSocket Socket, SemaphoreSlim Sending, IReadOnlySet<string> Symbols)> targets;
        var open = OpenSubscriptions();
        lock (_clients)
        {
            targets = [.. _clients.Where(c => open.ContainsKey(c.Key)).Select(c => (c.Value.Socket, c.Value.Sending, open[c.Key]))];
        }

        foreach (var (socket, sending, symbols) in targets)
        {
            try
            {
                await SendAsync(socket, sending, frameFor(symbols), WebSocketMessageType.Text, cancellationToken);
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                // The connection closed meanwhile; its close is recorded by its own handler.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _disposing.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _disposing.Dispose();
    }

    private static (Dictionary<int, IReadOnlySet<string>> Open, List<string> Doubles) Replay(IReadOnlyList<SubscriptionEvent> events)
    {
        var open = new Dictionary<int, HashSet<string>>();
        var doubles = new List<string>();
        foreach (var e in events)
        {
            if (e.Closed)
            {
                open.Remove(e.Connection);
                continue;
            }

            foreach (var symbol in e.Symbols)
            {
                foreach (var (other, symbols) in open.Where(o => o.Key != e.Connection && o.Value.Contains(symbol)))
                {
                    doubles.Add($"event {e.Sequence}: connection {e.Connection} subscribed {symbol} while connection {other} still was");
                }
            }

            open.TryAdd(e.Connection, []);
            open[e.Connection].UnionWith(e.Symbols);
        }

        return (open.ToDictionary(o => o.Key, o => (IReadOnlySet<string>)o.Value), doubles);
    }

    private void Record(int connection, bool closed, IReadOnlyList<string> symbols)
    {
        lock (_events)
        {
            _events.Add(new SubscriptionEvent(_events.Count, connection, closed, symbols));
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var client = await context.WebSockets.AcceptWebSocketAsync();
        var sendingToClient = new SemaphoreSlim(1, 1);
        var sendingUpstream = new SemaphoreSlim(1, 1);
        var connection = Interlocked.Increment(ref _connections);
        lock (_clients)
        {
            _clients[connection] = (client, sendingToClient);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _disposing.Token);
        using var upstream = new ClientWebSocket();
        var toClient = Task.CompletedTask;
        try
        {
            await upstream.ConnectAsync(_upstream, stop.Token);
            toClient = PumpAsync(upstream, client, sendingToClient, connection: null, stop.Token);
            var fromClient = PumpAsync(client, upstream, sendingUpstream, connection, stop.Token);

            // Either side ending ends the subscription: nothing reaches the client any more.
            await Task.WhenAny(fromClient, toClient);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
        }
        finally
        {
            Record(connection, closed: true, []);
            lock (_clients)
            {
                _clients.Remove(connection);
            }

            await stop.CancelAsync();
            try
            {
                await toClient;
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
            }
        }
    }

    /// <summary>Copies messages from one socket to the other; records subscribe frames when <paramref name="connection"/> is set.</summary>
    private async Task PumpAsync(WebSocket from, WebSocket to, SemaphoreSlim sending, int? connection, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await from.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                if (connection is { } number && Subscribed(buffer.AsSpan(0, length)) is { } symbols)
                {
                    Record(number, closed: false, symbols);
                }

                await SendAsync(to, sending, buffer.AsMemory(0, length), result.MessageType, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    /// <summary>One message at a time per socket: the pump and <see cref="SendToClientsAsync"/> share it.</summary>
    private static async Task SendAsync(
        WebSocket socket, SemaphoreSlim sending, ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await sending.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, type, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sending.Release();
        }
    }

    private static List<string>? Subscribed(ReadOnlySpan<byte> message)
    {
        try
        {
            var frame = JsonNode.Parse(Encoding.UTF8.GetString(message)) as JsonObject;
            if ((string?)frame?["method"] != "subscribe" || frame["params"]?["symbol"] is not JsonArray symbols)
            {
                return null;
            }

            return symbols.Select(s => (string)s!).ToList();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
