namespace Trading.Markets.Indicators;

/// <summary>
/// Donchian channels, named <c>DC(period)</c>, in price units: the highest high (<see cref="Upper"/>) and lowest low
/// (<see cref="Lower"/>) of the last <c>period</c> candles and their midpoint (<see cref="Middle"/>, also
/// <see cref="IndicatorBase.Current"/>).
/// </summary>
/// <remarks>
/// The window includes the current candle, as TA-Lib's <c>MAX</c>/<c>MIN</c>, so <see cref="IndicatorBase.WarmUpPeriod"/>
/// is <c>period</c>. (Some libraries, Skender's among them, use the <c>period</c> candles before the current one; their value
/// at a candle is this class's value at the candle before.) To test a breakout of the previous channel, compare a candle
/// with the channel read before updating with it.
/// </remarks>
public sealed class DonchianChannels : CandleIndicator
{
    private readonly HighLowWindow _range;

    /// <summary>Creates the channels.</summary>
    /// <param name="period">Candles in the channel, the current one included; must be positive.</param>
    public DonchianChannels(int period = 20)
        : base(
            $"DC({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _range = new HighLowWindow(period);
    }

    /// <summary>The highest high of the window. Valid when ready.</summary>
    public double Upper => IsReady ? _range.Highest : 0;

    /// <summary>The lowest low of the window. Valid when ready.</summary>
    public double Lower => IsReady ? _range.Lowest : 0;

    /// <summary>(<see cref="Upper"/> + <see cref="Lower"/>) / 2; the same as <see cref="IndicatorBase.Current"/>. Valid when ready.</summary>
    public double Middle => IsReady ? Current.Value : 0;

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
        return (_range.Highest + _range.Lowest) / 2;
    }
}
