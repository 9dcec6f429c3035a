namespace Trading.Contracts.Candles;

/// <summary>
/// An OHLCV candle over the interval [<see cref="OpenedAt"/>, <see cref="ClosedAt"/>), published exactly once
/// per (venue, symbol, interval, open time).
/// </summary>
public sealed record CandleClosed
{
    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code, for example <c>1m</c> or <c>1h</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>Start of the interval, included (UTC, aligned to the interval).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>End of the interval, excluded (UTC).</summary>
    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>Price of the first trade.</summary>
    public required decimal Open { get; init; }

    /// <summary>Highest trade price.</summary>
    public required decimal High { get; init; }

    /// <summary>Lowest trade price.</summary>
    public required decimal Low { get; init; }

    /// <summary>Price of the last trade.</summary>
    public required decimal Close { get; init; }

    /// <summary>Traded quantity in base currency units.</summary>
    public required decimal Volume { get; init; }

    /// <summary>Traded value in quote currency, Σ price × quantity; zero for a synthetic candle. Added after the first release: null from older senders.</summary>
    public decimal? QuoteVolume { get; init; }

    /// <summary>Volume-weighted average price, <see cref="QuoteVolume"/> ÷ <see cref="Volume"/>; null for a candle without trades.</summary>
    public decimal? Vwap { get; init; }

    /// <summary>Volume of the trades whose taker bought, in base currency units. Null from older senders.</summary>
    public decimal? BuyVolume { get; init; }

    /// <summary>Volume of the trades whose taker sold, in base currency units. Null from older senders.</summary>
    public decimal? SellVolume { get; init; }

    /// <summary>Number of trades in the interval; zero for a synthetic candle.</summary>
    public required int TradeCount { get; init; }

    /// <summary>
    /// True when no trade happened in the interval: the candle is flat at the previous close with zero volume.
    /// </summary>
    public required bool IsSynthetic { get; init; }
}
