namespace Trading.Contracts.MarketData;

/// <summary>The best bid and ask of one symbol on one venue.</summary>
public sealed record QuoteUpdated
{
    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Best bid price.</summary>
    public required decimal BidPrice { get; init; }

    /// <summary>Quantity at the best bid, in base currency units.</summary>
    public required decimal BidQuantity { get; init; }

    /// <summary>Best ask price.</summary>
    public required decimal AskPrice { get; init; }

    /// <summary>Quantity at the best ask, in base currency units.</summary>
    public required decimal AskQuantity { get; init; }

    /// <summary>The venue's time of the quote (UTC).</summary>
    public required DateTimeOffset ExchangeTime { get; init; }

    /// <summary>When market-data received the quote (UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
