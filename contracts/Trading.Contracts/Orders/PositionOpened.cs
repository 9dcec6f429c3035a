namespace Trading.Contracts.Orders;

/// <summary>A position was opened by a fill.</summary>
public sealed record PositionOpened
{
    /// <summary>The position's id.</summary>
    public required Guid PositionId { get; init; }

    /// <summary>The signal behind the position.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy for a long, sell for a short.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Quantity in base currency units.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Average entry price.</summary>
    public required decimal EntryPrice { get; init; }

    /// <summary>Stop-loss price.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Market time of the opening fill (UTC).</summary>
    public required DateTimeOffset OpenedAt { get; init; }
}
