namespace Trading.Markets.Indicators;

/// <summary>
/// The mean and population variance of the last <c>size</c> values, O(1) per value, for <see cref="StandardDeviation"/> and
/// <see cref="BollingerBands"/>.
/// </summary>
/// <remarks>
/// <para>A sliding Welford update keeps the sum of squared deviations from the mean, which, unlike the one-pass
/// mean-of-squares − square-of-mean that TA-Lib uses, does not cancel catastrophically at prices far from zero. The mean and the
/// sum are recomputed from the stored values (two passes, oldest first) each time the buffer wraps, so rounding never piles up
/// over more than one window of updates.</para>
/// <para>A window of equal values has exactly that value as mean and exactly 0 as variance, so flat markets give coinciding
/// bands rather than rounding noise.</para>
/// </remarks>
internal sealed class WindowStatistics
{
    private readonly double[] _values;
    private int _next;
    private int _count;
    private int _equalRun;
    private double _mean;
    private double _squaredDeviations;

    /// <summary>Creates an empty window.</summary>
    /// <param name="size">How many values the window keeps; must be positive.</param>
    public WindowStatistics(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        _values = new double[size];
    }

    /// <summary>True once the window holds its size in values.</summary>
    public bool IsFull => _count == _values.Length;

    /// <summary>The newest value; 0 while the window is empty.</summary>
    public double Newest => _count > 0 ? _values[(_next == 0 ? _values.Length : _next) - 1] : 0;

    /// <summary>The mean of the values in the window; 0 while it is empty.</summary>
    public double Mean => _equalRun >= _count && _count > 0 ? Newest : _mean;

    /// <summary>The population variance (divided by the count) of the values in the window, never negative; 0 while it is empty.</summary>
    public double Variance => _equalRun >= _count || _squaredDeviations <= 0 ? 0 : _squaredDeviations / _count;

    /// <summary>Adds a value as the newest, dropping the oldest one when the window is full.</summary>
    public void Add(double value)
    {
        _equalRun = _count > 0 && value == Newest ? _equalRun + 1 : 1;
        if (_count < _values.Length)
        {
            _count++;
            var delta = value - _mean;
            _mean += delta / _count;
            _squaredDeviations += delta * (value - _mean);
        }
        else
        {
            var oldest = _values[_next];
            var previousMean = _mean;
            _mean += (value - oldest) / _count;
            _squaredDeviations += (value - oldest) * (value - _mean + oldest - previousMean);
        }

        _values[_next] = value;
        if (++_next == _values.Length)
        {
            _next = 0;
            Recompute();
        }
    }

    /// <summary>Empties the window.</summary>
    public void Clear()
    {
        Array.Clear(_values);
        _next = 0;
        _count = 0;
        _equalRun = 0;
        _mean = 0;
        _squaredDeviations = 0;
    }

    // Only called on a full window whose oldest value is in slot 0.
    private void Recompute()
    {
        var sum = 0.0;
        foreach (var value in _values)
        {
            sum += value;
        }

        _mean = sum / _values.Length;
        _squaredDeviations = 0;
        foreach (var value in _values)
        {
            var deviation = value - _mean;
            _squaredDeviations += deviation * deviation;
        }
    }
}
