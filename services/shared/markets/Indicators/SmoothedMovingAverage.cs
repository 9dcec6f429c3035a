namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's smoothed moving average (RMA, SMMA), named <c>SMMA(period)</c>: an exponential average with α = 1/period.
/// </summary>
/// <remarks>
/// Seeding follows TA-Lib's Wilder smoothing (as in its RSI and ATR): the first value, after <c>period</c> inputs, is the
/// simple average of those inputs; after that, value = (previous·(period − 1) + input) / period.
/// </remarks>
public sealed class SmoothedMovingAverage : Indicator
{
    private readonly int _period;
    private double _value;

    /// <summary>Creates the average.</summary>
    /// <param name="period">The smoothing period; must be positive.</param>
    public SmoothedMovingAverage(int period)
        : base(
            $"SMMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _period = period;
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
            _value = ((_value * (_period - 1)) + input) / _period;
        }

        return _value;
    }
}
