namespace Trading.Contracts.Orders;

/// <summary>Execution's open positions, oldest first: the answer to <see cref="GetOpenPositions"/>.</summary>
public sealed record OpenPositionsList
{
    /// <summary>The open positions, oldest first; empty when none is open.</summary>
    public required IReadOnlyList<OpenPositionItem> Positions { get; init; }

    /// <summary>When the list was read (UTC).</summary>
    public required DateTimeOffset ListedAt { get; init; }
}
