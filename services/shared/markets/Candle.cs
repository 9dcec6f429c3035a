namespace Trading.Markets;

/// <summary>
/// An OHLCV candle over the half-open interval [<see cref="OpenedAt"/>, <see cref="ClosedAt"/>):
/// a trade at exactly <see cref="ClosedAt"/> belongs to the next candle.
/// </summary>
public sealed record Candle
{
    /// <summary>Start of the interval, included (UTC, aligned to the interval).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>End of the interval, excluded (UTC).</summary>
    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>Price of the first trade, in quote currency.</summary>
    public required decimal Open { get; init; }

    /// <summary>Highest trade price, in quote currency.</summary>
    public required decimal High { get; init; }

    /// <summary>Lowest trade price, in quote currency.</summary>
    public required decimal Low { get; init; }

    /// <summary>Price of the last trade, in quote currency.</summary>
    public required decimal Close { get; init; }

    /// <summary>Traded quantity, in base currency units; zero for a synthetic candle.</summary>
    public required decimal Volume { get; init; }

    /// <summary>
    /// Traded value in quote currency, Σ price × quantity; zero for a synthetic candle. Kept as a sum rather than as a VWAP so
    /// that candles merge exactly: a 5-minute candle built from 1-minute candles has the same value as one built from trades.
    /// Zero when the source does not give it (candle files); a REST OHLC candle with a VWAP stores VWAP × volume.
    /// </summary>
    public decimal QuoteVolume { get; init; }

    /// <summary>Volume of the trades whose taker bought, in base currency; zero when the source does not give sides.</summary>
    public decimal BuyVolume { get; init; }

    /// <summary>Volume of the trades whose taker sold, in base currency; zero when the source does not give sides.</summary>
    public decimal SellVolume { get; init; }

    /// <summary>Volume-weighted average price, <see cref="QuoteVolume"/> ÷ <see cref="Volume"/>; null when either is zero.</summary>
    public decimal? Vwap => Volume > 0m && QuoteVolume > 0m ? QuoteVolume / Volume : null;

    /// <summary>Number of trades in the interval; zero for a synthetic candle.</summary>
    public required int TradeCount { get; init; }

    /// <summary>
    /// True when no trade happened in the interval: the candle is flat at the previous close,
    /// with <see cref="Volume"/> and <see cref="TradeCount"/> zero.
    /// </summary>
    public required bool IsSynthetic { get; init; }
}
