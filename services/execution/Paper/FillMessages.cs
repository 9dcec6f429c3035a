using Trading.Contracts.Orders;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Paper;

/// <summary>The events a paper fill announces.</summary>
public static class FillMessages
{
    public static OrderFilled Filled(EntryFill fill) => new()
    {
        OrderId = fill.Order.OrderId,
        ClientOrderId = fill.Order.ClientOrderId,
        PositionId = fill.Position.PositionId,
        SignalId = fill.Order.SignalId,
        Venue = fill.Order.Venue,
        Symbol = fill.Order.Symbol,
        Side = fill.Order.Side,
        Quantity = fill.Order.Quantity,
        Price = fill.Price,
        Fee = fill.Fee,
        OpensPosition = true,
        IsPaper = true,
        FilledAt = fill.FilledAt,
    };

    public static PositionOpened Opened(EntryFill fill) => new()
    {
        PositionId = fill.Position.PositionId,
        SignalId = fill.Position.SignalId,
        Venue = fill.Position.Venue,
        Symbol = fill.Position.Symbol,
        Side = fill.Order.Side,
        Quantity = fill.Position.Quantity,
        EntryPrice = fill.Position.EntryPrice,
        StopLoss = fill.Position.StopLoss,
        TakeProfit = fill.Position.TakeProfit,
        OpenedAt = fill.Position.OpenedAt,
    };

    public static OrderFilled Filled(ExitFill fill) => new()
    {
        OrderId = PaperIds.CloseOrderId(fill.Position.PositionId),
        ClientOrderId = PaperIds.CloseClientOrderId(fill.Position.PositionId),
        PositionId = fill.Position.PositionId,
        SignalId = fill.Position.SignalId,
        Venue = fill.Position.Venue,
        Symbol = fill.Position.Symbol,
        Side = fill.Position.Direction == TradeDirection.Long ? OrderSide.Sell : OrderSide.Buy,
        Quantity = fill.Position.Quantity,
        Price = fill.Price,
        Fee = fill.Fee,
        OpensPosition = false,
        IsPaper = true,
        FilledAt = fill.ClosedAt,
    };

    public static PositionClosed Closed(ExitFill fill) => new()
    {
        PositionId = fill.Position.PositionId,
        SignalId = fill.Position.SignalId,
        Venue = fill.Position.Venue,
        Symbol = fill.Position.Symbol,
        Side = PaperBook.SideOf(fill.Position.Direction),
        Quantity = fill.Position.Quantity,
        EntryPrice = fill.Position.EntryPrice,
        ExitPrice = fill.Price,
        Fees = fill.Result.Fees,
        RealizedPnl = fill.Result.NetPnl,
        RMultiple = fill.Result.RMultiple,
        ExitReason = ExitReasonOf(fill.Exit),
        OpenedAt = fill.Position.OpenedAt,
        ClosedAt = fill.ClosedAt,
    };

    public static ExitReason ExitReasonOf(PositionExit exit) => exit switch
    {
        PositionExit.StopLoss => ExitReason.StopLoss,
        PositionExit.TakeProfit => ExitReason.TakeProfit,
        PositionExit.TrailingStop => ExitReason.TrailingStop,
        PositionExit.TimeExit => ExitReason.TimeExit,
        PositionExit.Flatten => ExitReason.Flatten,
        _ => throw new ArgumentOutOfRangeException(nameof(exit), exit, "Unknown position exit"),
    };

    public static OrderRejected Rejected(PlaceOrder order, string reason, DateTimeOffset rejectedAt) => new()
    {
        OrderId = order.OrderId,
        ClientOrderId = order.ClientOrderId,
        SignalId = order.SignalId,
        Symbol = order.Symbol,
        Reason = reason,
        RejectedAt = rejectedAt,
    };
}
