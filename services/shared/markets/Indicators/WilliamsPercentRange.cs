namespace Trading.Markets.Indicators;

/// <summary>
/// Williams %R, named <c>WILLR(period)</c>, in percent from −100 (close at the lowest low) to 0 (close at the highest high),
/// as TA-Lib's <c>WILLR</c>: −100·(HH − close) / (HH − LL).
/// </summary>
/// <remarks>
/// HH and LL are the highest high and lowest low of the last <c>period</c> candles, the current one included, so
/// <see cref="IndicatorBase.WarmUpPeriod"/> is <c>period</c> (TA-Lib: first value at row period − 1). When HH = LL the value
/// is 0, as in TA-Lib.
/// </remarks>
public sealed class WilliamsPercentRange : CandleIndicator
{
    private readonly HighLowWindow _range;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">Candles in the high-low range; must be positive.</param>
    public WilliamsPercentRange(int period = 14)
        : base(
            $"WILLR({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _range = new HighLowWindow(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _range.Clear();
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        _range.Add((double)candle.High, (double)candle.Low);

        // TA-Lib's exact arithmetic: dividing by (HH − LL)/−100 rather than multiplying by −100.
        var highest = _range.Highest;
        var scale = (highest - _range.Lowest) / -100.0;
        return scale != 0 ? (highest - (double)candle.Close) / scale : 0;
    }
}
