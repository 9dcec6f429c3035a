namespace Trading.Markets.Indicators;

/// <summary>
/// The money flow index, named <c>MFI(period)</c>, in percent (0..100): a volume-weighted RSI of the typical price, as
/// TA-Lib's <c>MFI</c>.
/// </summary>
/// <remarks>
/// <para>Typical price tp = (high + low + close) / 3 and money flow = tp·volume. A candle's flow is positive when its tp is
/// above the previous candle's, negative when below, and counts as neither when they are equal. The first candle only
/// gives the first tp.</para>
/// <para>MFI = 100·positive / (positive + negative) over the flows of the last <c>period</c> candles, so the first value is
/// at candle period + 1 (<see cref="IndicatorBase.WarmUpPeriod"/>). As in TA-Lib, the value is 0 when
/// positive + negative &lt; 1 (in quote currency), which includes a window with no flow at all.</para>
/// </remarks>
public sealed class MoneyFlowIndex : CandleIndicator
{
    private readonly WindowSum _positive;
    private readonly WindowSum _negative;
    private double _previousTypicalPrice;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many money flows to sum; must be positive.</param>
    public MoneyFlowIndex(int period = 14)
        : base(
            $"MFI({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _positive = new WindowSum(period);
        _negative = new WindowSum(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _positive.Clear();
        _negative.Clear();
        _previousTypicalPrice = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var typicalPrice = ((double)candle.High + (double)candle.Low + (double)candle.Close) / 3.0;
        if (Samples > 1)
        {
            var flow = typicalPrice * (double)candle.Volume;
            _positive.Add(typicalPrice > _previousTypicalPrice ? flow : 0);
            _negative.Add(typicalPrice < _previousTypicalPrice ? flow : 0);
        }

        _previousTypicalPrice = typicalPrice;
        var total = _positive.Sum + _negative.Sum;
        return total < 1.0 ? 0 : 100.0 * (_positive.Sum / total);
    }
}
