namespace Trading.Contracts.Orders;

/// <summary>A position was closed; its result is final.</summary>
public sealed record PositionClosed
{
    /// <summary>The position's id.</summary>
    public required Guid PositionId { get; init; }

    /// <summary>The signal behind the position.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy for a long, sell for a short (the opening side).</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Quantity in base currency units.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Entry fill price.</summary>
    public required decimal EntryPrice { get; init; }

    /// <summary>Exit fill price.</summary>
    public required decimal ExitPrice { get; init; }

    /// <summary>Entry and exit fees together, in quote currency.</summary>
    public required decimal Fees { get; init; }

    /// <summary>Profit or loss in quote currency, net of fees.</summary>
    public required decimal RealizedPnl { get; init; }

    /// <summary>Net P&amp;L divided by the initial risk (quantity × |entry − stop|).</summary>
    public required decimal RMultiple { get; init; }

    /// <summary>Why it was closed.</summary>
    public required ExitReason ExitReason { get; init; }

    /// <summary>Market time of the opening fill (UTC).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Market time of the closing fill (UTC).</summary>
    public required DateTimeOffset ClosedAt { get; init; }
}
