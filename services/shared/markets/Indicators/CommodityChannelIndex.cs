namespace Trading.Markets.Indicators;

/// <summary>
/// Lambert's commodity channel index, named <c>CCI(period)</c>, unitless (typically −200..200), as TA-Lib's <c>CCI</c>:
/// (tp − SMA(tp)) / (0.015 · mean absolute deviation of tp around that SMA), with the typical price tp = (high + low + close) / 3
/// over the last <c>period</c> candles.
/// </summary>
/// <remarks>
/// <para>Ready after <c>period</c> candles (TA-Lib: first value at row period − 1). When the numerator or the mean deviation is
/// exactly 0 the value is 0, as in TA-Lib.</para>
/// <para>The mean absolute deviation has no running form, so each candle costs O(period). The sums run over TA-Lib's circular
/// buffer in slot order, so the arithmetic, and which values come out exactly 0, match TA-Lib's.</para>
/// </remarks>
public sealed class CommodityChannelIndex : CandleIndicator
{
    private readonly double[] _typicalPrices;
    private int _next;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many candles the average and the deviation span; must be positive.</param>
    public CommodityChannelIndex(int period = 20)
        : base(
            $"CCI({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _typicalPrices = new double[period];
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        Array.Clear(_typicalPrices);
        _next = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var typicalPrice = ((double)candle.High + (double)candle.Low + (double)candle.Close) / 3;
        _typicalPrices[_next] = typicalPrice;
        if (++_next == _typicalPrices.Length)
        {
            _next = 0;
        }

        if (!IsReady)
        {
            return 0;
        }

        var average = 0.0;
        foreach (var value in _typicalPrices)
        {
            average += value;
        }

        average /= _typicalPrices.Length;
        var deviation = 0.0;
        foreach (var value in _typicalPrices)
        {
            deviation += Math.Abs(value - average);
        }

        var distance = typicalPrice - average;
        return distance != 0 && deviation != 0 ? distance / (0.015 * (deviation / _typicalPrices.Length)) : 0;
    }
}
