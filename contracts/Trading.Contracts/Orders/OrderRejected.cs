namespace Trading.Contracts.Orders;

/// <summary>Execution refused or could not place an order.</summary>
public sealed record OrderRejected
{
    /// <summary>The order's id.</summary>
    public required Guid OrderId { get; init; }

    /// <summary>The order's deterministic client order id.</summary>
    public required string ClientOrderId { get; init; }

    /// <summary>The signal behind the order.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Why, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>When execution rejected it (UTC).</summary>
    public required DateTimeOffset RejectedAt { get; init; }
}
