namespace Trading.Contracts.Orders;

/// <summary>One open position in <see cref="OpenPositionsList"/>.</summary>
public sealed record OpenPositionItem
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

    /// <summary>The stop in force: the stop loss, or the trailed stop once it has moved.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>The take profit.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Market time of the opening fill (UTC).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The latest known trade price of the market; null when none is known.</summary>
    public decimal? LastPrice { get; init; }

    /// <summary>
    /// P&amp;L at <see cref="LastPrice"/> in quote currency, net of the entry fee (the exit fee is not known yet); null without a price.
    /// </summary>
    public decimal? UnrealizedPnl { get; init; }
}
