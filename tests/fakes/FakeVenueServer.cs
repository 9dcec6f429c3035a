using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Trading.FakeVenues;

/// <summary>
/// What the fake venues share: one Kestrel app on a free loopback port serving the venue's WebSocket and REST API, one
/// trade tape per symbol, and misbehaviour on command. A trade appended to the tape is streamed to the newest connection
/// when that connection is open, not silent and subscribed to the symbol; otherwise it is only on the tape, where the REST
/// API finds it, as on a real venue. Records every connection attempt, client frame and REST request. Commands act on the
/// newest connection.
/// </summary>
public abstract class FakeVenueServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ClientFrame> _clientFrames = new();
    private readonly ConcurrentQueue<string> _restRequests = new();
    private readonly ConcurrentDictionary<string, bool> _rejectedSymbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeQuote> _quotes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, FakeSession> _open = new();
    private readonly Dictionary<string, SymbolTape> _tapes = new(StringComparer.Ordinal);
    private readonly Lock _tapeGate = new();
    private readonly string _webSocketPath;
    private WebApplication? _app;
    private volatile FakeSession? _current;
    private int _attempts;
    private int _accepted;
    private int _refuseRemaining;
    private int _resendOnReconnect;
    private int _rateLimitRemaining;
    private int _tradeSnapshotSize = 50;
    private int _resent;

    private protected FakeVenueServer(TimeSpan heartbeatInterval, string webSocketPath)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatInterval, TimeSpan.Zero);
        HeartbeatInterval = heartbeatInterval;
        _webSocketPath = webSocketPath;
    }

    /// <summary>The WebSocket endpoint (<c>ws://127.0.0.1:port/...</c>).</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The REST root on the same app (<c>http://127.0.0.1:port/</c>), the base address the REST clients expect.</summary>
    public Uri RestBaseAddress { get; private set; } = null!;

    public TimeSpan HeartbeatInterval { get; }

    /// <summary>How many of the latest trades of a symbol a trade snapshot carries, when the venue sends one on subscribing.</summary>
    public int TradeSnapshotSize
    {
        get => Volatile.Read(ref _tradeSnapshotSize);
        set => Volatile.Write(ref _tradeSnapshotSize, value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value)));
    }

    /// <summary>WebSocket upgrade requests received, refused ones included.</summary>
    public int ConnectionAttempts => Volatile.Read(ref _attempts);

    public int AcceptedConnections => Volatile.Read(ref _accepted);

    public IReadOnlyList<ClientFrame> ClientFrames => [.. _clientFrames];

    /// <summary>Trades sent again after a reconnect because of <see cref="ResendTradesOnReconnect"/>.</summary>
    public int ResentTrades => Volatile.Read(ref _resent);

    /// <summary>True while the newest connection is open, not silent and subscribed to the trades of <paramref name="symbol"/>.</summary>
    public bool IsStreamingTradesOf(string symbol) => _current is { IsStreaming: true } session && session.StreamsTradesOf(symbol);

    /// <summary>The request target (path and query) of every REST request, exactly as sent, rate-limited ones included.</summary>
    public IReadOnlyList<string> RestRequests => [.. _restRequests];

    /// <summary>Every trade of <paramref name="symbol"/> (venue spelling) in the order it was appended.</summary>
    public IReadOnlyList<FakeTrade> Tape(string symbol)
    {
        lock (_tapeGate)
        {
            return _tapes.TryGetValue(symbol, out var tape) ? [.. tape.Trades] : [];
        }
    }

    /// <summary>
    /// Appends a trade to the tape at the venue's current time (never before the symbol's previous trade) with the next
    /// trade id, and streams it when the newest connection is open, not silent and subscribed to the symbol.
    /// </summary>
    /// <param name="side">The taker side, <c>buy</c> or <c>sell</c>.</param>
    public async Task<FakeTrade> AppendTradeAsync(
        string symbol, decimal price, decimal quantity, CancellationToken cancellationToken, string side = "buy")
    {
        var trade = Record(symbol, price, quantity, side, tradeId: null, time: null);

        // Recorded before the subscription check: a connection subscribing meanwhile acks only after it is marked, so a
        // client that goes live after this check finds the trade over REST.
        if (_current is { IsStreaming: true } session && session.StreamsTradesOf(symbol))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await StreamTradesAsync(session, symbol, [trade]);
        }

        return trade;
    }

    /// <summary>Sets the best bid/ask of a symbol and streams it to a connection subscribed to its ticker.</summary>
    public async Task SendQuoteAsync(
        string symbol, decimal bid, decimal bidQuantity, decimal ask, decimal askQuantity, CancellationToken cancellationToken)
    {
        var quote = new FakeQuote(symbol, bid, bidQuantity, ask, askQuantity, Now());
        _quotes[symbol] = quote;
        if (_current is { IsStreaming: true } session && session.StreamsQuotesOf(symbol))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await session.SendAsync(() => QuoteFrame(session, quote, snapshot: false));
        }
    }

    /// <summary>The next <paramref name="count"/> upgrade requests are answered 503 (int.MaxValue: until told otherwise).</summary>
    public void RefuseNextConnections(int count) => Interlocked.Exchange(ref _refuseRemaining, count);

    /// <summary>Every upgrade request is answered 503 until <see cref="AcceptConnections"/>.</summary>
    public void RefuseConnections() => RefuseNextConnections(int.MaxValue);

    public void AcceptConnections() => RefuseNextConnections(0);

    /// <summary>Subscribing to this symbol gets the venue's error answer instead of a subscription.</summary>
    public void RejectSymbol(string symbol) => _rejectedSymbols[symbol] = true;

    /// <summary>After the trade subscription of every later connection, send the last <paramref name="count"/> trades of each subscribed symbol again.</summary>
    public void ResendTradesOnReconnect(int count) => Volatile.Write(ref _resendOnReconnect, count);

    /// <summary>The next <paramref name="count"/> REST requests get the venue's rate-limit answer.</summary>
    public void RateLimitNextRestRequests(int count) => Interlocked.Exchange(ref _rateLimitRemaining, count);

    /// <summary>The newest connection keeps its socket open but sends nothing more, not even acks, pongs or heartbeats.</summary>
    public async Task GoSilentAsync(CancellationToken cancellationToken) =>
        (await CurrentAsync(cancellationToken)).Silent = true;

    /// <summary>Closes the newest connection mid-stream (1001 "maintenance"); trades appended afterwards are on the tape only.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken) =>
        await (await CurrentAsync(cancellationToken)).CloseAsync(cancellationToken);

    /// <summary>Sends exactly these bytes on the newest connection, silent or not, in fragments when asked.</summary>
    public async Task SendRawAsync(byte[] message, CancellationToken cancellationToken, int fragmentBytes = 0) =>
        await (await CurrentAsync(cancellationToken)).SendAsync(message, fragmentBytes, evenWhenSilent: true);

    /// <summary>
    /// Sends frames that are not valid venue messages on the newest connection: bytes that are not JSON, and a trade frame
    /// of the venue cut off in the middle (its trade is not on the tape). Returns how many were sent.
    /// </summary>
    public async Task<int> SendGarbageAsync(string symbol, CancellationToken cancellationToken)
    {
        var session = await CurrentAsync(cancellationToken);
        var whole = SampleTradeFrame(session, symbol);
        byte[][] garbage = ["\u0001garbage{{ not json"u8.ToArray(), whole[..(whole.Length / 2)]];
        foreach (var frame in garbage)
        {
            await session.SendAsync(frame);
        }

        return garbage.Length;
    }

    /// <summary>Sends the venue's error frame on the newest connection, as if the venue had refused something.</summary>
    public async Task SendErrorAsync(CancellationToken cancellationToken)
    {
        var session = await CurrentAsync(cancellationToken);
        await session.SendAsync(() => ErrorFrame(session));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _open.Values)
        {
            session.Socket.Abort();
        }

        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The fake's clock: the system clock, because the client and the fake share the machine's time.</summary>
    private protected static DateTimeOffset Now() => TimeProvider.System.GetUtcNow();

    /// <summary>The finest time step of the venue's trade times.</summary>
    private protected virtual TimeSpan TimeResolution => TimeSpan.FromTicks(10);

    /// <summary>The id of the symbol's <paramref name="number"/>th trade; by default the number, as the per-book sequences of Kraken spot and Coinbase.</summary>
    private protected virtual string FormatTradeId(string symbol, long number) => number.ToString(CultureInfo.InvariantCulture);

    private protected bool IsRejected(string symbol) => _rejectedSymbols.ContainsKey(symbol);

    private protected FakeQuote? Quote(string symbol) => _quotes.GetValueOrDefault(symbol);

    private protected static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private protected static JsonObject Fixture(byte[] bytes) => JsonNode.Parse(bytes)!.AsObject();

    /// <summary>Adds a trade to the tape; an explicit id or time is taken as given.</summary>
    private protected FakeTrade Record(string symbol, decimal price, decimal quantity, string side, string? tradeId, DateTimeOffset? time)
    {
        lock (_tapeGate)
        {
            if (!_tapes.TryGetValue(symbol, out var tape))
            {
                _tapes[symbol] = tape = new SymbolTape();
            }

            var at = time ?? NextTime(tape);
            var id = tradeId ?? FormatTradeId(symbol, tape.NextId++);
            if (tradeId is not null && long.TryParse(tradeId, CultureInfo.InvariantCulture, out var given))
            {
                tape.NextId = Math.Max(tape.NextId, given + 1);
            }

            tape.LastTime = at > tape.LastTime ? at : tape.LastTime;
            var trade = new FakeTrade(symbol, id, price, quantity, side, at);
            tape.Trades.Add(trade);
            return trade;
        }
    }

    /// <summary>Waits for the first connection, then returns the newest.</summary>
    private protected async Task<FakeSession> CurrentAsync(CancellationToken cancellationToken)
    {
        while (_current is null)
        {
            await Task.Delay(10, cancellationToken);
        }

        return _current;
    }

    /// <summary>Call after acknowledging a trade subscription: resends the overlap a later connection is told to get.</summary>
    private protected async Task AfterTradeSubscriptionAsync(FakeSession session, IReadOnlyList<string> symbols)
    {
        var resend = Volatile.Read(ref _resendOnReconnect);
        if (session.Number <= 1 || resend <= 0)
        {
            return;
        }

        foreach (var symbol in symbols)
        {
            var overlap = Tape(symbol).TakeLast(resend).ToList();
            if (overlap.Count > 0)
            {
                await StreamTradesAsync(session, symbol, overlap);
                Interlocked.Add(ref _resent, overlap.Count);
            }
        }
    }

    /// <summary>Sent once, right after the upgrade (Kraken's <c>status</c>, Kraken Futures' <c>info</c>).</summary>
    private protected abstract Task OnConnectedAsync(FakeSession session);

    /// <summary>Answers one JSON object the client sent; never called on a silent connection.</summary>
    private protected abstract Task OnClientMessageAsync(FakeSession session, JsonObject message);

    /// <summary>The venue's heartbeat for this connection now, or null while it has not asked for one.</summary>
    private protected abstract byte[]? HeartbeatFrame(FakeSession session);

    /// <summary>Sends trades of one symbol as the venue streams them (one update message unless the venue splits them).</summary>
    private protected abstract Task StreamTradesAsync(FakeSession session, string symbol, IReadOnlyList<FakeTrade> trades);

    private protected abstract byte[] QuoteFrame(FakeSession session, FakeQuote quote, bool snapshot);

    /// <summary>A well-formed trade frame of the venue for a trade that is not on the tape.</summary>
    private protected abstract byte[] SampleTradeFrame(FakeSession session, string symbol);

    private protected abstract byte[] ErrorFrame(FakeSession session);

    /// <summary>Answers a REST request; false when the path is not one the fake serves (404).</summary>
    private protected virtual Task<bool> HandleRestAsync(HttpContext context) => Task.FromResult(false);

    private protected virtual Task WriteRateLimitedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        return Task.CompletedTask;
    }

    private protected static async Task WriteJsonAsync(HttpContext context, byte[] body, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(body);
    }

    private protected async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        // Open WebSockets are aborted on dispose; nothing is worth waiting for at shutdown.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(2));
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Run(HandleAsync);
        await _app.StartAsync();
        var root = _app.Urls.Single();
        RestBaseAddress = new Uri(root + "/");
        Endpoint = new Uri(root.Replace("http://", "ws://", StringComparison.Ordinal) + _webSocketPath);
    }

    private protected static bool TryTake(ref int counter)
    {
        while (true)
        {
            var current = Volatile.Read(ref counter);
            if (current <= 0)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref counter, current - 1, current) == current)
            {
                return true;
            }
        }
    }

    private DateTimeOffset NextTime(SymbolTape tape)
    {
        // Trades in the same time step share its time, as on the venues; the clock never goes back for a symbol.
        var now = WireTime.Truncate(Now(), TimeResolution);
        return now > tape.LastTime ? now : tape.LastTime;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await HandleHttpAsync(context);
            return;
        }

        Interlocked.Increment(ref _attempts);
        if (context.Request.Path != _webSocketPath)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (TryTake(ref _refuseRemaining))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        var number = Interlocked.Increment(ref _accepted);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var session = new FakeSession(socket, number);
        _open[number] = session;
        _current = session;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var heartbeats = Task.CompletedTask;
        try
        {
            await OnConnectedAsync(session);
            heartbeats = HeartbeatAsync(session, stop.Token);
            await ReadAsync(session, stop.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            await stop.CancelAsync();
            await heartbeats;
            _open.TryRemove(number, out _);
        }
    }

    private async Task HandleHttpAsync(HttpContext context)
    {
        _restRequests.Enqueue(context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget);
        if (context.Request.Path == _webSocketPath)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (TryTake(ref _rateLimitRemaining))
        {
            await WriteRateLimitedAsync(context);
            return;
        }

        if (!await HandleRestAsync(context))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private async Task ReadAsync(FakeSession session, CancellationToken cancellationToken)
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
            if (!session.Silent && ParseObject(text) is { } message)
            {
                await OnClientMessageAsync(session, message);
            }
        }
    }

    private static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task HeartbeatAsync(FakeSession session, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(HeartbeatInterval, cancellationToken);
                await session.SendAsync(() => session.Heartbeats ? HeartbeatFrame(session) : null);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>A frame the client sent, on the connection numbered from 1 in accept order.</summary>
    public sealed record ClientFrame(int Connection, string Text);

    private sealed class SymbolTape
    {
        public List<FakeTrade> Trades { get; } = [];

        public long NextId { get; set; } = 1;

        public DateTimeOffset LastTime { get; set; } = DateTimeOffset.MinValue;
    }
}
