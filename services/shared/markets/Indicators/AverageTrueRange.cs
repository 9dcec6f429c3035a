namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's average true range, named <c>ATR(period)</c>, in price units.
/// </summary>
/// <remarks>
/// Seeding follows TA-Lib: the first candle gives no true range, the first ATR is the mean of the true ranges of candles
/// 1..period (so <see cref="IndicatorBase.WarmUpPeriod"/> is <c>period + 1</c>), and after that
/// ATR = (previous·(period − 1) + TR) / period.
/// </remarks>
public sealed class AverageTrueRange : CandleIndicator
{
    private readonly int _period;
    private readonly TrueRange _trueRange = new();
    private double _value;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">The smoothing period; must be positive.</param>
    public AverageTrueRange(int period)
        : base(
            $"ATR({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _period = period;
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _trueRange.Reset();
        _value = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        if (!_trueRange.Update(candle))
        {
            return 0;
        }

        var trueRange = _trueRange.Current.Value;
        if (Samples <= WarmUpPeriod)
        {
            _value += trueRange;
            if (Samples == WarmUpPeriod)
            {
                _value /= _period;
            }
        }
        else
        {
            _value = (_value * (_period - 1) + trueRange) / _period;
        }

        return _value;
    }
}
