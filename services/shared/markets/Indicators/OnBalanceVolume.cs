namespace Trading.Markets.Indicators;

/// <summary>
/// On-balance volume, named <c>OBV</c>, in base-currency units: a running total that adds a candle's volume when its close
/// is above the previous close, subtracts it when below, and leaves the total unchanged when the closes are equal.
/// </summary>
/// <remarks>
/// Like TA-Lib's <c>OBV</c>, the total starts at the first candle's volume (not at 0; libraries starting at 0 differ by
/// that constant), so the indicator is ready from the first candle. The total is kept in <c>double</c>, added in candle
/// order as TA-Lib does.
/// </remarks>
public sealed class OnBalanceVolume : CandleIndicator
{
    private double _previousClose;
    private double _value;

    /// <summary>Creates the indicator.</summary>
    public OnBalanceVolume()
        : base("OBV", 1)
    {
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _previousClose = 0;
        _value = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var close = (double)candle.Close;
        var volume = (double)candle.Volume;
        if (Samples == 1)
        {
            _value = volume;
        }
        else if (close > _previousClose)
        {
            _value += volume;
        }
        else if (close < _previousClose)
        {
            _value -= volume;
        }

        _previousClose = close;
        return _value;
    }
}
