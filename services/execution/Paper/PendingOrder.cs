using Trading.Contracts.Orders;

namespace Trading.Execution.Paper;

/// <summary>An accepted order waiting for the next market trade to fill it.</summary>
public sealed record PendingOrder
{
    public required Guid OrderId { get; init; }

    public required string ClientOrderId { get; init; }

    public required Guid SignalId { get; init; }

    public required string Venue { get; init; }

    public required string Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal Entry { get; init; }

    public required decimal StopLoss { get; init; }

    public required decimal TakeProfit { get; init; }

    /// <summary>When the signal was decided; only trades at or after it may fill the order.</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>The W3C traceparent of the trace the order arrived in; its fill continues that trace.</summary>
    public string? TraceParent { get; init; }
}
