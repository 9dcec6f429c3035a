namespace Trading.Markets.Indicators;

/// <summary>
/// Exponential moving average, named <c>EMA(period)</c>, with smoothing α = 2 / (period + 1).
/// </summary>
/// <remarks>
/// Seeding follows TA-Lib and Lean: the first value, after <c>period</c> inputs, is the simple average of those inputs.
/// After that, value = previous + α·(input − previous). (nautilus_trader seeds with the first input instead; its early values differ.)
/// </remarks>
public sealed class ExponentialMovingAverage : Indicator
{
    private readonly int _period;
    private readonly double _alpha;
    private double _value;

    /// <summary>Creates the average.</summary>
    /// <param name="period">The period; must be positive.</param>
    public ExponentialMovingAverage(int period)
        : base(
            $"EMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _period = period;
        _alpha = 2.0 / (period + 1);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _value = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        if (Samples < _period)
        {
            _value += input;
        }
        else if (Samples == _period)
        {
            _value = (_value + input) / _period;
        }
        else
        {
            _value += _alpha * (input - _value);
        }

        return _value;
    }
}
