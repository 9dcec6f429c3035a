namespace Trading.Contracts.Risk;

/// <summary>
/// Asks risk for the results of the closed positions. A request, answered with <see cref="TradingStats"/>, on the queue
/// <c>risk-get-trading-stats</c>.
/// </summary>
public sealed record GetTradingStats
{
    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
