namespace Trading.Contracts.Orders;

/// <summary>
/// Asks execution for its open positions. A request, answered with <see cref="OpenPositionsList"/>, on the queue
/// <c>execution-get-open-positions</c>.
/// </summary>
public sealed record GetOpenPositions
{
    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
