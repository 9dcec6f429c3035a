namespace Trading.Markets.Indicators;

/// <summary>
/// The session volume-weighted average price, named <c>VWAP(session)</c>, in price units: Σ(tp·volume) / Σvolume over the
/// candles of the current UTC day so far, with the typical price tp = (high + low + close) / 3.
/// </summary>
/// <remarks>
/// <para>A session is a UTC calendar day: the sums restart with the first candle whose <see cref="Candle.OpenedAt"/> falls on a
/// new UTC date (at 00:00Z), so a day's first candle gives its own tp. The sums are kept in <c>double</c> and added in candle
/// order, which matches technicalindicators' and trading-signals' <c>VWAP</c> run once per UTC day.</para>
/// <para>While the session so far has zero volume (synthetic candles at the start of a day), the value is the current
/// candle's tp, the price the VWAP would take if that candle had any volume. Ready from the first candle.</para>
/// </remarks>
public sealed class SessionVolumeWeightedAveragePrice : CandleIndicator
{
    private long _sessionDay = -1;
    private double _priceVolume;
    private double _volume;

    /// <summary>Creates the indicator.</summary>
    public SessionVolumeWeightedAveragePrice()
        : base("VWAP(session)", 1)
    {
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _sessionDay = -1;
        _priceVolume = 0;
        _volume = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var day = candle.OpenedAt.UtcTicks / TimeSpan.TicksPerDay;
        if (day != _sessionDay)
        {
            _sessionDay = day;
            _priceVolume = 0;
            _volume = 0;
        }

        var typicalPrice = ((double)candle.High + (double)candle.Low + (double)candle.Close) / 3;
        var volume = (double)candle.Volume;
        _priceVolume += typicalPrice * volume;
        _volume += volume;
        return _volume != 0 ? _priceVolume / _volume : typicalPrice;
    }
}
