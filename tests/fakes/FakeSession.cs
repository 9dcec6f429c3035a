using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace Trading.FakeVenues;

/// <summary>
/// One accepted WebSocket connection of a fake venue: what the client subscribed to and whether the fake still talks on it.
/// Sends are serialised, and a frame is built under the send lock so per-connection sequence numbers leave in order.
/// </summary>
internal sealed class FakeSession(WebSocket socket, int number)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, bool> _tradeSymbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _quoteSymbols = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private long _sequence = -1;
    private volatile bool _silent;
    private volatile bool _closed;
    private volatile bool _heartbeats;

    public WebSocket Socket { get; } = socket;

    /// <summary>1 for the first connection the fake accepted, 2 for the next...</summary>
    public int Number { get; } = number;

    /// <summary>Socket open but nothing is sent any more, not even acks, pongs or heartbeats.</summary>
    public bool Silent
    {
        get => _silent;
        set => _silent = value;
    }

    /// <summary>The fake closed this connection; nothing more is sent on it.</summary>
    public bool Closed => _closed;

    /// <summary>The client asked for the venue's heartbeat channel (always true for Kraken spot once subscribed).</summary>
    public bool Heartbeats
    {
        get => _heartbeats;
        set => _heartbeats = value;
    }

    public bool IsStreaming => !_silent && !_closed && Socket.State == WebSocketState.Open;

    public bool StreamsTradesOf(string symbol) => _tradeSymbols.ContainsKey(symbol);

    public bool StreamsQuotesOf(string symbol) => _quoteSymbols.ContainsKey(symbol);

    public void SubscribeTrades(IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            _tradeSymbols[symbol] = true;
        }
    }

    public void SubscribeQuotes(IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols)
        {
            _quoteSymbols[symbol] = true;
        }
    }

    public IReadOnlyList<string> TradeSymbols => [.. _tradeSymbols.Keys.Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> QuoteSymbols => [.. _quoteSymbols.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The connection-wide message counter (Coinbase <c>sequence_num</c>): 0 for the first message.</summary>
    public long NextSequence() => Interlocked.Increment(ref _sequence);

    /// <summary>A named counter of this connection (heartbeat counters, per-feed <c>seq</c>); 1 for the first call.</summary>
    public long Next(string counter) => _counters.AddOrUpdate(counter, 1, (_, value) => value + 1);

    /// <summary>Sends the frame <paramref name="build"/> makes under the send lock; false when nothing was sent.</summary>
    /// <param name="build">Returns null to send nothing.</param>
    /// <param name="evenWhenSilent">Sends on a silent connection too (raw frames a test sends on purpose).</param>
    public async Task<bool> SendAsync(Func<byte[]?> build, int fragmentBytes = 0, bool evenWhenSilent = false)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (_closed || (_silent && !evenWhenSilent) || build() is not { } message)
            {
                return false;
            }

            if (fragmentBytes <= 0)
            {
                await Socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
                return true;
            }

            for (var offset = 0; offset < message.Length; offset += fragmentBytes)
            {
                var count = Math.Min(fragmentBytes, message.Length - offset);
                var last = offset + count == message.Length;
                await Socket.SendAsync(message.AsMemory(offset, count), WebSocketMessageType.Text, last, CancellationToken.None);
            }

            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client went away: what was not sent stays on the tape only, as on a real venue.
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public Task<bool> SendAsync(byte[] message, int fragmentBytes = 0, bool evenWhenSilent = false) =>
        SendAsync(() => message, fragmentBytes, evenWhenSilent);

    /// <summary>Closes mid-stream with 1001 "maintenance", as Kraken does; nothing is sent after it.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            _closed = true;
            await Socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "maintenance", cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
