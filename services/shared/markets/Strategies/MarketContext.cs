namespace Trading.Markets.Strategies;

/// <summary>The state of the market a signal was found in, as the signal reports it and a strategy may filter on it.</summary>
/// <param name="Regime">Trending, ranging or volatile, from ADX and the ATR percentile of the series itself.</param>
/// <param name="Adx">ADX(14) of the series; null until ready.</param>
/// <param name="AtrPercentile">Where the current ATR(14) ranks among its recent values, 0 to 100; null until enough values.</param>
/// <param name="HigherTimeframe">The interval whose trend <paramref name="HigherTimeframeTrend"/> reports; null when the series has none.</param>
/// <param name="HigherTimeframeTrend">Trend of the next higher interval.</param>
/// <param name="MacroTrend">Trend of the highest interval followed (the long-term direction).</param>
public readonly record struct MarketContext(
    MarketRegime Regime,
    double? Adx,
    double? AtrPercentile,
    Interval? HigherTimeframe,
    Trend HigherTimeframeTrend,
    Trend MacroTrend)
{
    /// <summary>Nothing known yet.</summary>
    public static MarketContext Unknown { get; } = new(MarketRegime.Unknown, null, null, null, Trend.Unknown, Trend.Unknown);

    /// <summary>True when the higher interval's trend points the way of <paramref name="direction"/>.</summary>
    public bool IsAligned(TradeDirection direction) =>
        HigherTimeframeTrend == (direction == TradeDirection.Long ? Trend.Up : Trend.Down);
}

/// <summary>How the market moves, for a strategy to choose between trend following and mean reversion.</summary>
public enum MarketRegime
{
    /// <summary>Not enough candles yet.</summary>
    Unknown,

    /// <summary>A directional market: ADX above its trend threshold.</summary>
    Trending,

    /// <summary>A sideways market: ADX below the threshold and volatility not extreme.</summary>
    Ranging,

    /// <summary>Range expansion without direction: ATR in the top percentiles while ADX stays low.</summary>
    Volatile,
}

/// <summary>The direction of a trend.</summary>
public enum Trend
{
    /// <summary>Not enough candles yet, or the interval is not followed.</summary>
    Unknown,

    /// <summary>Rising.</summary>
    Up,

    /// <summary>Falling.</summary>
    Down,

    /// <summary>Neither.</summary>
    Flat,
}
