using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Logging;
using Trading.MarketData.Exchange.Coinbase;

namespace Trading.MarketData.Exchange.Connection;

/// <summary>
/// Keeps one WebSocket to a venue open for as long as <see cref="RunAsync"/> runs: connects, subscribes, hands trades
/// and quotes to the observer, and connects again after a close, an error or silence, with the backoff of
/// <see cref="ReconnectPolicy"/>. Bad frames and venue errors are logged and counted, never fatal.
/// One loop per instance: <see cref="RunAsync"/> must not run twice at the same time.
/// </summary>
public sealed class VenueConnection(
    IVenueProtocol protocol,
    ReconnectPolicy reconnectPolicy,
    VenueConnectionMetrics metrics,
    TimeProvider timeProvider,
    ILogger<VenueConnection> logger)
{
    /// <summary>A message larger than this is dropped as malformed: no venue frame we subscribe to comes close.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    private const int InitialBufferBytes = 16 * 1024;
    private const int SampleBytes = 200;

    // Protocol-level pings keep NAT and proxies from dropping an idle connection (Kraken Futures relies on them).
    private static readonly TimeSpan KeepAliveInterval = TimeSpan.FromSeconds(15);

    private byte[] _buffer = new byte[InitialBufferBytes];
    private long _lastFrameTimestamp;
    private volatile string? _silenceReason;
    private bool _live;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    public async Task RunAsync(IReadOnlyList<string> venueSymbols, IVenueConnectionObserver observer, CancellationToken cancellationToken)
    {
        var subscribeFrames = protocol.SubscribeFrames(venueSymbols);
        metrics.Watching(protocol.Venue);
        var reason = "starting";
        var firstAttempt = true;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                if (!firstAttempt)
                {
                    metrics.Reconnect(protocol.Venue);
                }

                firstAttempt = false;
                await ReportAsync(observer, VenueConnectionState.Connecting, reason, cancellationToken);
                reconnectPolicy.AttemptStarting();
                var (endState, endReason) = await RunSessionAsync(subscribeFrames, observer, cancellationToken);
                await ReportAsync(observer, endState, endReason, cancellationToken);

                var delay = reconnectPolicy.NextDelay();
                await Task.Delay(delay, timeProvider, cancellationToken);
                reason = $"reconnect attempt after {delay.TotalMilliseconds:0} ms backoff ({reconnectPolicy.ConsecutiveFailures} failed in a row)";
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(VenueConnectionState State, string Reason)> RunSessionAsync(
        IReadOnlyList<byte[]> subscribeFrames, IVenueConnectionObserver observer, CancellationToken cancellationToken)
    {
        _live = false;
        _silenceReason = null;
        Volatile.Write(ref _lastFrameTimestamp, timeProvider.GetTimestamp());

        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = KeepAliveInterval;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var checkEvery = protocol.SilenceTimeout / 4;
        using var silenceTimer = timeProvider.CreateTimer(_ => CheckSilence(session), null, checkEvery, checkEvery);
        var pinging = Task.CompletedTask;
        try
        {
            await socket.ConnectAsync(protocol.Endpoint, session.Token);
            foreach (var subscribe in subscribeFrames)
            {
                await socket.SendAsync(subscribe, WebSocketMessageType.Text, endOfMessage: true, session.Token);
            }

            if (protocol.PingInterval is { } pingInterval && protocol.PingFrame() is { } ping)
            {
                pinging = PingAsync(socket, ping, pingInterval, session.Token);
            }

            return await ReceiveAsync(socket, observer, session.Token, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested && _silenceReason is { } silence)
        {
            return (_live ? VenueConnectionState.Stale : VenueConnectionState.Down, silence);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            return (VenueConnectionState.Down, ex.Message);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping races the socket: a receive can fail with "Aborted" instead of a cancellation. Either way we stop.
            throw new OperationCanceledException(cancellationToken);
        }
        finally
        {
            await session.CancelAsync();
            await pinging;
        }
    }

    private void CheckSilence(CancellationTokenSource session)
    {
        if (_silenceReason is not null || timeProvider.GetElapsedTime(Volatile.Read(ref _lastFrameTimestamp)) < protocol.SilenceTimeout)
        {
            return;
        }

        var seconds = protocol.SilenceTimeout.TotalSeconds;
        _silenceReason = _live ? $"no frame for {seconds:0.###} s" : $"no frame within {seconds:0.###} s of connecting";
        try
        {
            // Cancelling a pending receive aborts the socket, which is what a silent connection needs.
            session.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task<(VenueConnectionState State, string Reason)> ReceiveAsync(
        ClientWebSocket socket, IVenueConnectionObserver observer, CancellationToken sessionToken, CancellationToken cancellationToken)
    {
        var parser = protocol.CreateParser();
        var sequence = protocol.HasConnectionSequence ? new CoinbaseSequenceTracker() : null;
        var frame = new ParsedFrame();
        var length = 0;
        string? oversizedSample = null;
        while (true)
        {
            var result = await socket.ReceiveAsync(_buffer.AsMemory(length), sessionToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (VenueConnectionState.Down, $"closed by the venue: {socket.CloseStatus} {socket.CloseStatusDescription}".TrimEnd());
            }

            length += result.Count;
            if (!result.EndOfMessage)
            {
                if (length == _buffer.Length)
                {
                    if (_buffer.Length < MaxMessageBytes)
                    {
                        Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxMessageBytes));
                    }
                    else
                    {
                        // Too large to be a frame we asked for: keep reading to the end of it, but keep nothing.
                        oversizedSample ??= Sample(_buffer);
                        length = 0;
                    }
                }

                continue;
            }

            var receivedAt = timeProvider.GetUtcNow();
            if (oversizedSample is not null)
            {
                metrics.FrameReceived(protocol.Venue, FrameKind.Malformed);
                metrics.MalformedFrame(protocol.Venue);
                Log.MalformedFrame(logger, protocol.Venue, $"message larger than {MaxMessageBytes} bytes", oversizedSample);
                oversizedSample = null;
            }
            else if (await HandleAsync(parser, sequence, frame, _buffer.AsMemory(0, length), receivedAt, observer, cancellationToken) is { } gap)
            {
                return (VenueConnectionState.Stale, gap);
            }

            length = 0;
        }
    }

    /// <summary>Hands one message to the observer; returns why the session must end when the venue dropped messages.</summary>
    private async ValueTask<string?> HandleAsync(
        IVenueFrameParser parser, CoinbaseSequenceTracker? sequence, ParsedFrame frame, ReadOnlyMemory<byte> message,
        DateTimeOffset receivedAt, IVenueConnectionObserver observer, CancellationToken cancellationToken)
    {
        frame.Clear();
        parser.Parse(message.Span, frame);
        metrics.FrameReceived(protocol.Venue, frame);
        if (frame.Kind == FrameKind.Malformed)
        {
            metrics.MalformedFrame(protocol.Venue);
            Log.MalformedFrame(logger, protocol.Venue, frame.Detail, Sample(message.Span));
            return null;
        }

        if (sequence is not null && frame.Sequence is { } number)
        {
            var check = sequence.Observe(number);
            if (check.Status == CoinbaseSequenceStatus.Stale)
            {
                return null;
            }

            if (check.Status == CoinbaseSequenceStatus.Gap)
            {
                // The frame after the hole is not delivered either: the backfill starts from the last trade delivered,
                // so it fetches the dropped trades and this frame's together, in order.
                metrics.SequenceGap(protocol.Venue);
                return $"sequence gap: {check.Missing} message(s) missing before sequence {number}";
            }
        }

        Volatile.Write(ref _lastFrameTimestamp, timeProvider.GetTimestamp());
        switch (frame.Kind)
        {
            case FrameKind.Trades or FrameKind.Quotes:
                await BecomeLiveAsync(observer, cancellationToken);
                await observer.OnMarketDataAsync(protocol.Venue, frame, receivedAt, cancellationToken);
                break;
            case FrameKind.Heartbeat or FrameKind.Subscribed:
                await BecomeLiveAsync(observer, cancellationToken);
                break;
            case FrameKind.VenueError:
                metrics.VenueError(protocol.Venue);
                Log.VenueErrorFrame(logger, protocol.Venue, frame.Detail, Sample(message.Span));
                if (SaysSymbolUnsupported(frame.Detail))
                {
                    var state = _live ? VenueConnectionState.Live : VenueConnectionState.Connecting;
                    await ReportAsync(observer, state, $"venue rejected a symbol: {frame.Detail}", cancellationToken);
                }

                break;
        }

        return null;
    }

    private async ValueTask BecomeLiveAsync(IVenueConnectionObserver observer, CancellationToken cancellationToken)
    {
        if (_live)
        {
            return;
        }

        _live = true;
        reconnectPolicy.BecameLive();
        await ReportAsync(observer, VenueConnectionState.Live, "subscribed and receiving", cancellationToken);
    }

    private async Task PingAsync(ClientWebSocket socket, byte[] ping, TimeSpan interval, CancellationToken sessionToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, sessionToken);
                await socket.SendAsync(ping, WebSocketMessageType.Text, endOfMessage: true, sessionToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The receive loop sees the same failure and reports it.
        }
    }

    private ValueTask ReportAsync(IVenueConnectionObserver observer, VenueConnectionState state, string reason, CancellationToken cancellationToken)
    {
        Log.VenueConnectionStateChanged(logger, protocol.Venue, state.ToString(), reason);
        return observer.OnStateChangedAsync(protocol.Venue, state, reason, cancellationToken);
    }

    private static bool SaysSymbolUnsupported(string? detail) =>
        detail is not null
        && (detail.Contains("not supported", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("unsupported", StringComparison.OrdinalIgnoreCase)
            || detail.Contains("invalid product", StringComparison.OrdinalIgnoreCase));

    private static string Sample(ReadOnlySpan<byte> message) =>
        Encoding.UTF8.GetString(message[..Math.Min(message.Length, SampleBytes)]);
}
