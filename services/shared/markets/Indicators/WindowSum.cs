namespace Trading.Markets.Indicators;

/// <summary>
/// The sum of the last <c>size</c> values, O(1) per value. A running total alone drifts as rounding errors of additions and
/// subtractions pile up over months; this one is recomputed from the stored values each time the buffer wraps, so its
/// error never spans more than one window of updates. The first full sum adds the values oldest first, as TA-Lib does.
/// </summary>
internal sealed class WindowSum
{
    private readonly double[] _values;
    private int _next;
    private int _count;
    private double _sum;

    /// <summary>Creates an empty window.</summary>
    /// <param name="size">How many values the window keeps; must be positive.</param>
    public WindowSum(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _values = new double[size];
    }

    /// <summary>How many values the window holds, from 0 up to its size.</summary>
    public int Count => _count;

    /// <summary>True once the window holds its size in values.</summary>
    public bool IsFull => _count == _values.Length;

    /// <summary>The sum of the values in the window; 0 while it is empty.</summary>
    public double Sum => _sum;

    /// <summary>Adds a value as the newest, dropping the oldest one when the window is full.</summary>
    public void Add(double value)
    {
        _sum += value - _values[_next];
        _values[_next] = value;
        if (++_next == _values.Length)
        {
            _next = 0;
            _sum = 0;
            foreach (var stored in _values)
            {
                _sum += stored;
            }
        }

        if (_count < _values.Length)
        {
            _count++;
        }
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        Array.Clear(_values);
        _next = 0;
        _count = 0;
        _sum = 0;
    }
}
