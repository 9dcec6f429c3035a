namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>
/// Follows Coinbase Advanced Trade's <c>sequence_num</c> on one connection. The counter is per connection and shared
/// by every channel (heartbeats and subscription acks included), so feed it every frame that carries one, whatever
/// its channel. Live captures start at 0, but the first number seen is accepted as the start whatever it is.
/// Not thread-safe: one instance per connection, <see cref="Reset"/> on reconnect.
/// </summary>
public sealed class CoinbaseSequenceTracker
{
    private long _last = -1;

    /// <summary>The last number accepted (in order or after a gap), or null before the first frame.</summary>
    public long? Last => _last < 0 ? null : _last;

    public CoinbaseSequenceCheck Observe(long sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);

        if (_last < 0)
        {
            _last = sequence;
            return new CoinbaseSequenceCheck(CoinbaseSequenceStatus.InOrder, 0);
        }

        if (sequence <= _last)
        {
            return new CoinbaseSequenceCheck(CoinbaseSequenceStatus.Stale, 0);
        }

        // Both are non-negative and sequence > _last, so the difference cannot overflow.
        var missing = sequence - _last - 1;
        _last = sequence;
        return missing == 0
            ? new CoinbaseSequenceCheck(CoinbaseSequenceStatus.InOrder, 0)
            : new CoinbaseSequenceCheck(CoinbaseSequenceStatus.Gap, missing);
    }

    public void Reset() => _last = -1;
}
