namespace Trading.Contracts.Orders;

/// <summary>
/// Command to execution: close every open position at the latest known market price (exit reason
/// <see cref="ExitReason.Flatten"/>). Sent to queue <c>execution-flatten-positions</c>.
/// </summary>
public sealed record FlattenPositions
{
    /// <summary>Why, in words (logged).</summary>
    public required string Reason { get; init; }

    /// <summary>When it was requested (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Normalised symbol, upper case: only that symbol's positions are closed. Null closes every symbol's.</summary>
    public string? Symbol { get; init; }
}
