namespace Trading.Contracts.Candles;

/// <summary>One closed OHLCV candle of a <see cref="CandleHistory"/>, over [<see cref="OpenedAt"/>, <see cref="ClosedAt"/>).</summary>
public sealed record HistoricCandle
{
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

    /// <summary>Traded quantity in base currency units; zero for a synthetic candle.</summary>
    public required decimal Volume { get; init; }

    /// <summary>
    /// Traded value in quote currency, Σ price × quantity (Kraken: VWAP × volume); zero for a synthetic candle; null when the
    /// source does not give it (Coinbase).
    /// </summary>
    public decimal? QuoteVolume { get; init; }

    /// <summary>Number of trades; zero for a synthetic candle; null when the source does not give it (Coinbase).</summary>
    public int? TradeCount { get; init; }

    /// <summary>True when no trade happened in the interval: the candle is flat at the previous close with zero volume.</summary>
    public required bool IsSynthetic { get; init; }
}
