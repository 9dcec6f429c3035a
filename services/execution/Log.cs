using Microsoft.Extensions.Logging;
using Trading.Contracts.Orders;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution;

/// <summary>The service's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} ({ClientOrderId}) accepted: {Side} {Quantity} {Symbol} on {Venue}, waiting for the next trade")]
    public static partial void OrderAccepted(ILogger logger, Guid orderId, string clientOrderId, string venue, string symbol, OrderSide side, decimal quantity);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate PlaceOrder ignored: client order id {ClientOrderId} (order {OrderId}, {Symbol}) already exists")]
    public static partial void DuplicateOrderIgnored(ILogger logger, string clientOrderId, Guid orderId, string symbol);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} ({ClientOrderId}) for {Symbol} rejected: {Reason}")]
    public static partial void OrderRejected(ILogger logger, Guid orderId, string clientOrderId, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper position {PositionId} opened by order {OrderId}: {Direction} {Quantity} {Symbol} at {Price}, fee {Fee}")]
    public static partial void PositionOpened(ILogger logger, Guid positionId, Guid orderId, string symbol, TradeDirection direction, decimal quantity, decimal price, decimal fee);

    [LoggerMessage(Level = LogLevel.Information, Message = "Paper position {PositionId} {Symbol} closed by {ExitReason} at {Price}: net P&L {RealizedPnl}, {RMultiple} R")]
    public static partial void PositionClosed(ILogger logger, Guid positionId, string symbol, PositionExit exitReason, decimal price, decimal realizedPnl, decimal rMultiple);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trade {TradeId} of {Venue} {Symbol} skipped: price {Price} is not positive")]
    public static partial void InvalidTradeSkipped(ILogger logger, string venue, string symbol, string tradeId, decimal price);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quote of {Venue} {Symbol} skipped: bid {Bid} and ask {Ask} are not a valid market")]
    public static partial void InvalidQuoteSkipped(ILogger logger, string venue, string symbol, decimal bid, decimal ask);

    [LoggerMessage(Level = LogLevel.Information, Message = "Restored {OpenPositions} open positions and {PendingOrders} pending orders")]
    public static partial void Restored(ILogger logger, long openPositions, long pendingOrders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Flattened {Positions} positions of {Scope}: {Reason}")]
    public static partial void Flattened(ILogger logger, int positions, string scope, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cannot flatten {Positions} positions of {Venue} {Symbol}: no trade or quote is known")]
    public static partial void FlattenWithoutPrice(ILogger logger, string venue, string symbol, int positions);
}
