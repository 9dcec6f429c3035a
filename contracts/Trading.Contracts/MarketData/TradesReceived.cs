namespace Trading.Contracts.MarketData;

/// <summary>
/// A batch of trades of one symbol on one venue, in the order the venue executed them.
/// Batching keeps the broker load bounded when the market is busy.
/// </summary>
public sealed record TradesReceived
{
    /// <summary>Identifies the batch; the same batch always has the same id.</summary>
    public required Guid BatchId { get; init; }

    /// <summary>Venue code, upper case (for example <c>KRAKEN</c>).</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case (for example <c>BTC/USD</c>).</summary>
    public required string Symbol { get; init; }

    /// <summary>The trades, oldest first; never empty.</summary>
    public required IReadOnlyList<Trade> Trades { get; init; }
}
