namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="RsiReversionStrategy"/>; <see cref="RsiReversionStrategy"/> validates them.</summary>
/// <remarks>
/// The defaults widen the textbook 30/70 levels to 35/65 and lengthen the trend EMA from 200 to 400 candles: on two weeks of
/// BTC-PERP 1-minute candles (2021-12-31 to 2022-01-14), RSI(14) 30/70 above or below EMA(200) with volume confirmation gave
/// 18 signals on 1m and 0 or 1 on 5m, 15m and 30m, because a dip deep enough for RSI 30 nearly always closes below a 200-candle EMA.
/// </remarks>
public sealed record RsiReversionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "RsiReversion";

    /// <summary>Period of the RSI, in candles; positive.</summary>
    public int RsiPeriod { get; init; } = 14;

    /// <summary>RSI level a long waits for the RSI to cross back up through, in percent; above 0 and below <see cref="Overbought"/>.</summary>
    public double Oversold { get; init; } = 35;

    /// <summary>RSI level a short waits for the RSI to cross back down through, in percent; below 100.</summary>
    public double Overbought { get; init; } = 65;

    /// <summary>Period of the EMA of closes that is the trend filter, in candles; positive. Longs need the close above it, shorts below.</summary>
    public int TrendPeriod { get; init; } = 400;

    /// <summary>How many earlier candles the average volume spans; positive.</summary>
    public int VolumePeriod { get; init; } = 20;

    /// <summary>
    /// The signal candle's volume must be at least this multiple of the average volume of the <see cref="VolumePeriod"/> candles
    /// before it; zero or more (0 switches the volume filter off).
    /// </summary>
    public decimal VolumeMultiple { get; init; } = 1.0m;

    /// <summary>Period of the ATR that sets the stop distance, in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive. The interval minimum applies when higher.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>When true, signal only when the next higher interval trends the same way (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
