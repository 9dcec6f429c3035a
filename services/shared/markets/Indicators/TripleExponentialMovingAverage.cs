namespace Trading.Markets.Indicators;

/// <summary>
/// Mulloy's triple exponential moving average, named <c>TEMA(period)</c>: 3·e1 − 3·e2 + e3, where e1 = EMA(input),
/// e2 = EMA(e1) and e3 = EMA(e2), as TA-Lib's <c>TEMA</c>.
/// </summary>
/// <remarks>
/// Each average is an <see cref="ExponentialMovingAverage"/> seeded with the simple average of its first <c>period</c>
/// inputs and fed the previous one's values from its first value on, so the first TEMA comes after 3·period − 2 inputs
/// (<see cref="IndicatorBase.WarmUpPeriod"/>; TA-Lib's row 3·period − 3).
/// </remarks>
public sealed class TripleExponentialMovingAverage : Indicator
{
    private readonly ExponentialMovingAverage _first;
    private readonly ExponentialMovingAverage _second;
    private readonly ExponentialMovingAverage _third;

    /// <summary>Creates the average.</summary>
    /// <param name="period">The period of the three exponential averages; must be positive.</param>
    public TripleExponentialMovingAverage(int period)
        : base(
            $"TEMA({period})",
            period > 0 ? (3 * period) - 2 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _first = new ExponentialMovingAverage(period);
        _second = new ExponentialMovingAverage(period);
        _third = new ExponentialMovingAverage(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _first.Reset();
        _second.Reset();
        _third.Reset();
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        if (!_first.Update(time, input) || !_second.Update(time, _first.Current.Value) || !_third.Update(time, _second.Current.Value))
        {
            return 0;
        }

        // TA-Lib's order of operations: e3 + (3·e1 − 3·e2).
        return _third.Current.Value + ((3.0 * _first.Current.Value) - (3.0 * _second.Current.Value));
    }
}
