namespace Trading.Execution.Paper;

/// <summary>A market trade as the paper book needs it: price and the venue's time.</summary>
public sealed record MarketTrade
{
    public required string TradeId { get; init; }

    public required decimal Price { get; init; }

    public required DateTimeOffset ExchangeTime { get; init; }
}
