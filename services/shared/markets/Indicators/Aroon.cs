namespace Trading.Markets.Indicators;

/// <summary>
/// The Aroon indicator, named <c>AROON(period)</c>, in percent: <see cref="Up"/> and <see cref="Down"/> (0..100) tell how
/// recently the highest high and the lowest low of the window occurred; <see cref="IndicatorBase.Current"/> is the
/// oscillator Up − Down (−100..100), as TA-Lib's <c>AROON</c> and <c>AROONOSC</c>.
/// </summary>
/// <remarks>
/// <para>The window holds the last period + 1 candles, the current one included, so <see cref="IndicatorBase.WarmUpPeriod"/>
/// is period + 1. Up = 100·(period − candles since the highest high) / period: 100 when the current candle makes the high,
/// 0 when the oldest candle of the window does; Down likewise with the lowest low.</para>
/// <para>Of equal highs (or lows) the most recent counts, as TA-Lib's scans use <c>&gt;=</c> and <c>&lt;=</c>.</para>
/// </remarks>
public sealed class Aroon : CandleIndicator
{
    private readonly int _period;
    private readonly double _percentPerCandle;
    private readonly HighLowWindow _range;
    private double _up;
    private double _down;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many candles back a high or low can be; the window holds one more. Must be positive.</param>
    public Aroon(int period = 25)
        : base(
            $"AROON({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _period = period;
        _percentPerCandle = 100.0 / period;
        _range = new HighLowWindow(period + 1);
    }

    /// <summary>Aroon up, in percent (0..100). Valid when ready.</summary>
    public double Up => IsReady ? _up : 0;

    /// <summary>Aroon down, in percent (0..100). Valid when ready.</summary>
    public double Down => IsReady ? _down : 0;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _range.Clear();
        _up = 0;
        _down = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        _range.Add((double)candle.High, (double)candle.Low);

        // TA-Lib's arithmetic: factor·(period − candles since), with factor = 100/period.
        _up = _percentPerCandle * (_period - _range.CandlesSinceHighest);
        _down = _percentPerCandle * (_period - _range.CandlesSinceLowest);
        return _up - _down;
    }
}
