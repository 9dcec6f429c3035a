namespace Trading.Markets.Indicators;

/// <summary>
/// True range, named <c>TR</c>: max(high − low, |high − previous close|, |low − previous close|), in price units.
/// </summary>
/// <remarks>The first candle has no previous close and gives no value, so <see cref="IndicatorBase.WarmUpPeriod"/> is 2
/// (TA-Lib <c>TRANGE</c>: the first value is at row 1).</remarks>
public sealed class TrueRange : CandleIndicator
{
    private double _previousClose;

    /// <summary>Creates the indicator.</summary>
    public TrueRange()
        : base("TR", 2)
    {
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _previousClose = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var high = (double)candle.High;
        var low = (double)candle.Low;
        var range = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        _previousClose = (double)candle.Close;
        return range;
    }
}
