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

    /// <summary>Number of trades in the interval; zero for a synthetic candle.</summary>
    public required int TradeCount { get; init; }

    /// <summary>
    /// True when no trade happened in the interval: the candle is flat at the previous close,
    /// with <see cref="Volume"/> and <see cref="TradeCount"/> zero.
    /// </summary>
    public required bool IsSynthetic { get; init; }
}
