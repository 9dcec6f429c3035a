namespace Trading.Markets.Execution;

/// <summary>The best bid and ask of a market at one moment; prices in quote currency.</summary>
public sealed record MarketQuote
{
    /// <summary>Best bid price; positive.</summary>
    public required decimal Bid { get; init; }

    /// <summary>Best ask price; at or above <see cref="Bid"/>.</summary>
    public required decimal Ask { get; init; }

    /// <summary>The venue's time of the quote (UTC).</summary>
    public required DateTimeOffset ExchangeTime { get; init; }

    /// <summary>Ask − bid, in quote currency; never negative (a crossed quote counts as no spread).</summary>
    public decimal Spread => Math.Max(0m, Ask - Bid);
}
