using Trading.Contracts.Orders;
using Trading.Contracts.Signals;

namespace Trading.Risk;

/// <summary>The risk service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId} on {Symbol} was already decided")]
    public static partial void AlreadyDecided(ILogger logger, Guid signalId, string symbol);

    [LoggerMessage(Level = LogLevel.Information, Message = "Approved signal {SignalId}: {Direction} {Quantity} {Symbol} as order {OrderId} ({ClientOrderId}); equity {Equity}, {OpenPositions} open. {Reason}")]
    public static partial void Approved(ILogger logger, Guid signalId, string symbol, SignalDirection direction, decimal quantity, Guid orderId,
        string clientOrderId, decimal equity, int openPositions, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected signal {SignalId}: {Direction} {Symbol} by rule {Rule}; equity {Equity}, {OpenPositions} open. {Reason}")]
    public static partial void Rejected(ILogger logger, Guid signalId, string symbol, SignalDirection direction, string? rule, decimal equity,
        int openPositions, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position of signal {SignalId} is open: order {OrderId} filled {Quantity} {Symbol} at {Price}")]
    public static partial void PositionOpen(ILogger logger, Guid signalId, Guid orderId, string symbol, decimal quantity, decimal price);

    [LoggerMessage(Level = LogLevel.Information, Message = "Position of signal {SignalId} on {Symbol} closed by {ExitReason} with realised P&L {RealizedPnl}")]
    public static partial void PositionClosed(ILogger logger, Guid signalId, string symbol, decimal realizedPnl, ExitReason exitReason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId} of signal {SignalId} on {Symbol} was rejected, its slot is free: {Reason}")]
    public static partial void OrderRejected(ILogger logger, Guid signalId, Guid orderId, string symbol, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} for signal {SignalId} changed nothing: no {ExpectedStatus} position for it")]
    public static partial void NoPositionToUpdate(ILogger logger, Guid signalId, string @event, string expectedStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Trading halted by {Rule}: {Reason}")]
    public static partial void Halted(ILogger logger, string rule, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trading resumed: {Reason}")]
    public static partial void Resumed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live results of {Strategy} on {Symbol} {Interval} left the band ({Live}): {Deviations}; disabled: {Disabled}")]
    public static partial void LivePerformanceDeviated(ILogger logger, string strategy, string symbol, string interval, string live, string deviations, bool disabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Operator {Actor}: {Action} ({Reason})")]
    public static partial void OperatorAction(ILogger logger, string actor, string action, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator request to {Path} refused: {Problem}")]
    public static partial void OperatorRefused(ILogger logger, string path, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk state at start: equity {Equity}, peak {Peak}, P&L today {PnlToday}, {OpenPositions} open, {Losses} losses in a row, halts: {Halts}")]
    public static partial void StateRestored(ILogger logger, decimal equity, decimal peak, decimal pnlToday, int openPositions, int losses, string halts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Lifting expired halts failed; retrying at the next check")]
    public static partial void HaltCheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The changed risk options are invalid; the last valid ones stay in force: {Problem}")]
    public static partial void InvalidRiskOptions(ILogger logger, string problem);
}
