namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's relative strength index, named <c>RSI(period)</c>, in percent (0..100), as TA-Lib's <c>RSI</c>:
/// 100·avgGain / (avgGain + avgLoss).
/// </summary>
/// <remarks>
/// <para>The first input has no change and gives nothing. The gains and losses of the changes from input 2 on are averaged by
/// two <see cref="SmoothedMovingAverage"/>s: the first value, after period + 1 inputs (<see cref="IndicatorBase.WarmUpPeriod"/>;
/// TA-Lib's row <c>period</c>), uses the simple averages of the first <c>period</c> changes, and after that
/// avg = (previous·(period − 1) + current) / period.</para>
/// <para>When avgGain + avgLoss is about 0 (|x| &lt; 1e-8, a flat market) the value is 0, as in TA-Lib.</para>
/// </remarks>
public sealed class RelativeStrengthIndex : Indicator
{
    private const double Zero = 1e-8;

    private readonly SmoothedMovingAverage _gains;
    private readonly SmoothedMovingAverage _losses;
    private double _previous;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">The smoothing period of the gains and losses; must be positive.</param>
    public RelativeStrengthIndex(int period)
        : base(
            $"RSI({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _gains = new SmoothedMovingAverage(period);
        _losses = new SmoothedMovingAverage(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _gains.Reset();
        _losses.Reset();
        _previous = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        var change = input - _previous;
        _previous = input;
        if (Samples == 1)
        {
            return 0;
        }

        _gains.Update(time, change < 0 ? 0 : change);
        if (!_losses.Update(time, change < 0 ? -change : 0))
        {
            return 0;
        }

        var gain = _gains.Current.Value;
        var total = gain + _losses.Current.Value;
        return total is > -Zero and < Zero ? 0 : 100.0 * (gain / total);
    }
}
