namespace Trading.Contracts.Orders;

/// <summary>Command from risk to execution: open a position for an approved signal.</summary>
public sealed record PlaceOrder
{
    /// <summary>The order's id.</summary>
    public required Guid OrderId { get; init; }

    /// <summary>Deterministic id derived from the signal id; a resend can never trade twice.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The signal this order trades.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Buy opens a long, sell opens a short.</summary>
    public required OrderSide Side { get; init; }

    /// <summary>Quantity in base currency units, positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>The signal's intended entry price.</summary>
    public required decimal Entry { get; init; }

    /// <summary>Stop-loss price of the position.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price of the position.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Market time of the signal; the order fills on the first trade at or after it (UTC).</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>When risk approved the order (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
