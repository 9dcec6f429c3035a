namespace Trading.Contracts.MarketData;

/// <summary>One executed trade as the venue reported it.</summary>
public sealed record Trade
{
    /// <summary>The venue's own trade id; unique per venue and symbol, used to de-duplicate.</summary>
    public required string TradeId { get; init; }

    /// <summary>Price in quote currency per unit of base currency.</summary>
    public required decimal Price { get; init; }

    /// <summary>Quantity in base currency units; always positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The aggressor side.</summary>
    public required TradeSide Side { get; init; }

    /// <summary>When the venue executed the trade (UTC).</summary>
    public required DateTimeOffset ExchangeTime { get; init; }

    /// <summary>When market-data received the trade (UTC).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }
}
