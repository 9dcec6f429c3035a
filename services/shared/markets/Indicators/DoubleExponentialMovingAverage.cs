namespace Trading.Markets.Indicators;

/// <summary>
/// Mulloy's double exponential moving average, named <c>DEMA(period)</c>: 2·EMA − EMA(EMA), as TA-Lib's <c>DEMA</c>.
/// </summary>
/// <remarks>
/// Both averages are <see cref="ExponentialMovingAverage"/>s seeded with the simple average of their first <c>period</c>
/// inputs; the second one is fed the first one's values from its first value on, so the first DEMA comes after
/// 2·period − 1 inputs (<see cref="IndicatorBase.WarmUpPeriod"/>; TA-Lib's row 2·period − 2).
/// </remarks>
public sealed class DoubleExponentialMovingAverage : Indicator
{
    private readonly ExponentialMovingAverage _average;
    private readonly ExponentialMovingAverage _averageOfAverage;

    /// <summary>Creates the average.</summary>
    /// <param name="period">The period of both exponential averages; must be positive.</param>
    public DoubleExponentialMovingAverage(int period)
        : base(
            $"DEMA({period})",
            period > 0 ? (2 * period) - 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _average = new ExponentialMovingAverage(period);
        _averageOfAverage = new ExponentialMovingAverage(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _average.Reset();
        _averageOfAverage.Reset();
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        if (!_average.Update(time, input))
        {
            return 0;
        }

        var first = _average.Current.Value;
        return _averageOfAverage.Update(time, first) ? (2.0 * first) - _averageOfAverage.Current.Value : 0;
    }
}
