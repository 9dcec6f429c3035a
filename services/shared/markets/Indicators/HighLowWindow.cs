namespace Trading.Markets.Indicators;

/// <summary>
/// The highest high and lowest low of the last <c>size</c> candles, the newest included, with how many candles ago each
/// occurred. Amortised O(1) per candle: each side keeps a monotonic queue of the candles that can still become its extreme.
/// </summary>
/// <remarks>Of equal values the newer candle wins, as in TA-Lib's <c>AROON</c> (its scans use <c>&gt;=</c> and <c>&lt;=</c>).</remarks>
internal sealed class HighLowWindow
{
    private readonly MonotonicQueue _highs;
    private readonly MonotonicQueue _lows;
    private long _added;

    /// <summary>Creates an empty window.</summary>
    /// <param name="size">How many candles the window spans; must be positive.</param>
    public HighLowWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        _highs = new MonotonicQueue(size, keepsMaximum: true);
        _lows = new MonotonicQueue(size, keepsMaximum: false);
    }

    /// <summary>How many candles the window spans.</summary>
    public int Size { get; }

    /// <summary>How many candles were added since creation or the last <see cref="Clear"/>.</summary>
    public long Added => _added;

    /// <summary>The highest high in the window; 0 while it is empty.</summary>
    public double Highest => _highs.Extreme;

    /// <summary>The lowest low in the window; 0 while it is empty.</summary>
    public double Lowest => _lows.Extreme;

    /// <summary>How many candles before the newest one the highest high occurred: 0 when the newest candle holds it.</summary>
    public int CandlesSinceHighest => (int)(_added - 1 - _highs.ExtremeIndex);

    /// <summary>How many candles before the newest one the lowest low occurred: 0 when the newest candle holds it.</summary>
    public int CandlesSinceLowest => (int)(_added - 1 - _lows.ExtremeIndex);

    /// <summary>Adds the newest candle's high and low, dropping the oldest candle once the window is full.</summary>
    public void Add(double high, double low)
    {
        _highs.Add(_added, high);
        _lows.Add(_added, low);
        _added++;
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        _highs.Clear();
        _lows.Clear();
        _added = 0;
    }

    // Candles of the window in time order whose values strictly decrease (maximum) or increase (minimum): the front is the
    // extreme, and a candle is dropped from the back as soon as a newer one equals or beats it. Ring buffers of the window
    // size suffice because every queued candle is inside the window.
    private sealed class MonotonicQueue(int size, bool keepsMaximum)
    {
        private readonly long[] _indices = new long[size];
        private readonly double[] _values = new double[size];
        private int _front;
        private int _count;

        public double Extreme => _count > 0 ? _values[_front] : 0;

        public long ExtremeIndex => _indices[_front];

        public void Add(long index, double value)
        {
            // Indices are consecutive, so at most one candle (the oldest) leaves the window per addition.
            if (_count > 0 && _indices[_front] <= index - size)
            {
                _front = Next(_front);
                _count--;
            }

            while (_count > 0)
            {
                var back = _front + _count - 1;
                if (back >= size)
                {
                    back -= size;
                }

                if (keepsMaximum ? _values[back] > value : _values[back] < value)
                {
                    break;
                }

                _count--;
            }

            var slot = _front + _count;
            if (slot >= size)
            {
                slot -= size;
            }

            _indices[slot] = index;
            _values[slot] = value;
            _count++;
        }

        public void Clear()
        {
            Array.Clear(_indices);
            Array.Clear(_values);
            _front = 0;
            _count = 0;
        }

        private int Next(int slot) => slot + 1 == size ? 0 : slot + 1;
    }
}
