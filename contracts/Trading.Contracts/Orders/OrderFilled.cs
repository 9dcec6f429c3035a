namespace Trading.Contracts.Orders;

/// <summary>An order was filled, completely, at one price.</summary>
public sealed record OrderFilled
{
    /// <summary>The order's id.</summary>
    public required Guid OrderId { get; init; }

    /// <summary>The order's deterministic client order id.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The position this fill opened or closed.</summary>
    public required Guid PositionId { get; init; }

    /// <summary>The signal behind the position.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Side of the fill.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Filled quantity in base currency units.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Fill price including slippage.</summary>
    public required decimal Price { get; init; }

    /// <summary>Fee paid, in quote currency.</summary>
    public required decimal Fee { get; init; }

    /// <summary>True when this fill opened the position, false when it closed it.</summary>
    public required bool OpensPosition { get; init; }

    /// <summary>True for a simulated (paper) fill.</summary>
    public required bool IsPaper { get; init; }

    /// <summary>Market time of the fill (UTC).</summary>
    public required DateTimeOffset FilledAt { get; init; }
}
