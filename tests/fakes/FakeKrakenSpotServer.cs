using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Trading.FakeVenues;

/// <summary>
/// A Kraken Spot WebSocket v2 server on a free loopback port, built from the fixtures: it sends <c>status</c> on
/// connect, acknowledges each subscribed symbol, answers <c>ping</c> with <c>pong</c>, sends a heartbeat while
/// subscribed, streams the trades a test asks for, and misbehaves on command. Records every connection attempt and
/// every client frame. Commands act on the newest connection.
/// </summary>
public sealed class FakeKrakenSpotServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ClientFrame> _clientFrames = new();
    private readonly ConcurrentQueue<JsonObject> _sentTrades = new();
    private readonly ConcurrentDictionary<string, bool> _unsupportedSymbols = new(StringComparer.Ordinal);
    private readonly TimeSpan _heartbeatInterval;
    private volatile Session? _current;
    private int _attempts;
    private int _accepted;
    private int _refuseRemaining;
    private int _resendOnReconnect;

    private FakeKrakenSpotServer(WebApplication app, TimeSpan heartbeatInterval)
    {
        _app = app;
        _heartbeatInterval = heartbeatInterval;
    }

    public Uri Endpoint { get; private set; } = null!;

    public int ConnectionAttempts => Volatile.Read(ref _attempts);

    public int AcceptedConnections => Volatile.Read(ref _accepted);

    public IReadOnlyList<ClientFrame> ClientFrames => [.. _clientFrames];

    public static async Task<FakeKrakenSpotServer> StartAsync(TimeSpan heartbeatInterval)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeKrakenSpotServer(app, heartbeatInterval);
        app.UseWebSockets();
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.Single().Replace("http://", "ws://", StringComparison.Ordinal) + "/v2");
        return server;
    }

    /// <summary>The next <paramref name="count"/> upgrade requests are answered 503.</summary>
    public void RefuseNextConnections(int count) => Interlocked.Exchange(ref _refuseRemaining, count);

    /// <summary>Subscribing to this symbol gets Kraken's error ack instead of a success ack.</summary>
    public void RejectSymbol(string symbol) => _unsupportedSymbols[symbol] = true;

    /// <summary>After the trade subscription of every later connection, send the last <paramref name="count"/> trades again.</summary>
    public void ResendTradesOnReconnect(int count) => Volatile.Write(ref _resendOnReconnect, count);

    /// <summary>The newest connection keeps its socket open but sends nothing more, not even acks or pongs.</summary>
    public async Task GoSilentAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Silent = true;

    /// <param name="exchangeTime">The trade's venue time; now when not given.</param>
    public async Task SendTradeAsync(
        string symbol,
        decimal price,
        decimal quantity,
        long tradeId,
        CancellationToken cancellationToken,
        int fragmentBytes = 0,
        DateTimeOffset? exchangeTime = null)
    {
        var trade = TradeFrame(symbol, price, quantity, tradeId, exchangeTime ?? TimeProvider.System.GetUtcNow());
        _sentTrades.Enqueue(trade);
        await (await CurrentAsync(cancellationToken)).SendAsync(Encoding.UTF8.GetBytes(trade.ToJsonString()), fragmentBytes);
    }

    public async Task SendRawAsync(byte[] message, CancellationToken cancellationToken, int fragmentBytes = 0) =>
        await (await CurrentAsync(cancellationToken)).SendAsync(message, fragmentBytes);

    /// <summary>Closes the newest connection mid-stream, as Kraken does for maintenance.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        var session = await CurrentAsync(cancellationToken);
        await session.Lock.WaitAsync(cancellationToken);
        try
        {
            await session.Socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "maintenance", cancellationToken);
        }
        finally
        {
            session.Lock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _current?.Socket.Abort();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonObject TradeFrame(string symbol, decimal price, decimal quantity, long tradeId, DateTimeOffset exchangeTime)
    {
        var frame = JsonNode.Parse(KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json"))!.AsObject();
        var trade = frame["data"]![0]!.AsObject();
        trade["symbol"] = symbol;
        trade["price"] = price;
        trade["qty"] = quantity;
        trade["trade_id"] = tradeId;
        trade["timestamp"] = exchangeTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        return frame;
    }

    private async Task<Session> CurrentAsync(CancellationToken cancellationToken)
    {
        while (_current is null)
        {
            await Task.Delay(10, cancellationToken);
        }

        return _current;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (Interlocked.Decrement(ref _refuseRemaining) >= 0)
        {
            context.Response.StatusCode = 503;
            return;
        }

        var number = Interlocked.Increment(ref _accepted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new Session(socket, number);
        _current = session;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        await session.SendAsync(KrakenFixtures.ReadBytes("spot-ws-v2/status.update.json"));
        var heartbeats = HeartbeatAsync(session, stop.Token);
        try
        {
            await ReadAsync(session, stop.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats;
        }
    }

    private async Task ReadAsync(Session session, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        while (session.Socket.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await session.Socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
                length += result.Count;
            }
            while (!result.EndOfMessage);

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, length);
            _clientFrames.Enqueue(new ClientFrame(session.Number, text));
            await AnswerAsync(session, JsonNode.Parse(text)!.AsObject());
        }
    }

    private async Task AnswerAsync(Session session, JsonObject request)
    {
        if (session.Silent)
        {
            return;
        }

        var method = (string?)request["method"];
        var requestId = request["req_id"]?.DeepClone();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'");
        if (method == "ping")
        {
            await session.SendAsync(Json(new JsonObject { ["method"] = "pong", ["req_id"] = requestId, ["time_in"] = now, ["time_out"] = now }));
            return;
        }

        if (method != "subscribe")
        {
            return;
        }

        var parameters = request["params"]!.AsObject();
        var channel = (string)parameters["channel"]!;
        foreach (var symbol in parameters["symbol"]!.AsArray().Select(s => (string)s!))
        {
            var ack = _unsupportedSymbols.ContainsKey(symbol)
                ? new JsonObject
                {
                    ["error"] = $"Currency pair not supported {symbol}",
                    ["method"] = "subscribe",
                    ["req_id"] = requestId?.DeepClone(),
                    ["success"] = false,
                    ["symbol"] = symbol,
                    ["time_in"] = now,
                    ["time_out"] = now,
                }
                : new JsonObject
                {
                    ["method"] = "subscribe",
                    ["req_id"] = requestId?.DeepClone(),
                    ["result"] = new JsonObject
                    {
                        ["channel"] = channel,
                        ["snapshot"] = (bool?)parameters["snapshot"] ?? true,
                        ["symbol"] = symbol,
                    },
                    ["success"] = true,
                    ["time_in"] = now,
                    ["time_out"] = now,
                };
            await session.SendAsync(Json(ack));
        }

        session.Subscribed = true;
        var resend = Volatile.Read(ref _resendOnReconnect);
        if (channel == "trade" && session.Number > 1 && resend > 0)
        {
            foreach (var trade in _sentTrades.TakeLast(resend))
            {
                await session.SendAsync(Json(trade));
            }
        }
    }

    private async Task HeartbeatAsync(Session session, CancellationToken cancellationToken)
    {
        var heartbeat = KrakenFixtures.ReadBytes("spot-ws-v2/heartbeat.json");
        try
        {
            while (true)
            {
                await Task.Delay(_heartbeatInterval, cancellationToken);
                if (session.Subscribed && !session.Silent)
                {
                    await session.SendAsync(heartbeat);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public sealed record ClientFrame(int Connection, string Text);

    private sealed class Session(WebSocket socket, int number)
    {
        public WebSocket Socket { get; } = socket;

        public int Number { get; } = number;

        public SemaphoreSlim Lock { get; } = new(1, 1);

        public volatile bool Silent;

        public volatile bool Subscribed;

        public async Task SendAsync(byte[] message, int fragmentBytes = 0)
        {
            await Lock.WaitAsync();
            try
            {
                if (fragmentBytes <= 0)
                {
                    await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                    return;
                }

                for (var offset = 0; offset < message.Length; offset += fragmentBytes)
                {
                    var count = Math.Min(fragmentBytes, message.Length - offset);
                    var last = offset + count == message.Length;
                    await Socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
                }
            }
            finally
            {
                Lock.Release();
            }
        }
    }
}
