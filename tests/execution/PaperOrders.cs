using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Markets.Strategies;

namespace Trading.Execution.Tests;

/// <summary>Pending orders and open positions on KRAKEN BTC/USD for the paper book's tests.</summary>
internal static class PaperOrders
{
    public static PendingOrder Pending(OrderSide side, decimal entry, decimal stop, decimal target, DateTimeOffset signalAt, decimal quantity) => new()
    {
        OrderId = Guid.NewGuid(),
        ClientOrderId = "ord-" + Guid.NewGuid().ToString("N")[..20],
        SignalId = Guid.NewGuid(),
        Venue = "KRAKEN",
        Symbol = "BTC/USD",
        Side = side,
        Quantity = quantity,
        Entry = entry,
        StopLoss = stop,
        TakeProfit = target,
        SignalAt = signalAt,
    };

    /// <summary>An open position of 2 units with an entry fee of 0.2.</summary>
    public static OpenPosition Open(TradeDirection direction, decimal entry, decimal stop, decimal target, DateTimeOffset openedAt)
    {
        var signalId = Guid.NewGuid();
        return new OpenPosition
        {
            PositionId = PaperIds.PositionId(signalId),
            SignalId = signalId,
            OrderId = Guid.NewGuid(),
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Direction = direction,
            Quantity = 2m,
            EntryPrice = entry,
            EntryFee = 0.2m,
            StopLoss = stop,
            TakeProfit = target,
            OpenedAt = openedAt,
        };
    }
}
