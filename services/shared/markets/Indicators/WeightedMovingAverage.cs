namespace Trading.Markets.Indicators;

/// <summary>
/// Linearly weighted moving average of the last <c>period</c> inputs, named <c>WMA(period)</c>: weights 1 (oldest) to
/// <c>period</c> (newest), divided by period·(period + 1)/2, as TA-Lib's <c>WMA</c>.
/// </summary>
/// <remarks>Ready after <c>period</c> inputs (TA-Lib: first value at row period − 1). O(1) per input: the plain and the
/// weighted sums are updated in place and recomputed from the stored inputs each time the buffer wraps, so they never drift
/// over more than one window.</remarks>
public sealed class WeightedMovingAverage : Indicator
{
    private readonly double[] _values;
    private readonly double _divisor;
    private int _next;
    private double _sum;
    private double _weightedSum;

    /// <summary>Creates the average.</summary>
    /// <param name="period">How many inputs to average; must be positive.</param>
    public WeightedMovingAverage(int period)
        : base(
            $"WMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _values = new double[period];
        _divisor = period * (period + 1.0) / 2;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        Array.Clear(_values);
        _next = 0;
        _sum = 0;
        _weightedSum = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        // Sliding by one lowers every weight by one: Σw·x loses Σx and gains period·input. Slots not filled yet hold 0.
        var oldest = _values[_next];
        _weightedSum += (_values.Length * input) - _sum;
        _sum += input - oldest;
        _values[_next] = input;
        if (++_next == _values.Length)
        {
            _next = 0;
            Recompute();
        }

        return _weightedSum / _divisor;
    }

    // The oldest input is in slot 0 when the buffer has just wrapped.
    private void Recompute()
    {
        _sum = 0;
        _weightedSum = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            _sum += _values[i];
            _weightedSum += (i + 1) * _values[i];
        }
    }
}
