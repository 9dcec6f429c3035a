namespace Trading.Contracts.Risk;

/// <summary>
/// Asks risk for the account and its halts. A request, answered with <see cref="TradingStatus"/>, on the queue
/// <c>risk-get-trading-status</c>.
/// </summary>
public sealed record GetTradingStatus
{
    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
