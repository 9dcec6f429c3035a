using Trading.Contracts.Signals;

namespace Trading.Signal;

/// <summary>The signal service's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring {Venue} {Symbol} {Interval} candle opened at {OpenedAt}: the interval is not configured")]
    public static partial void IntervalNotConfigured(ILogger logger, string venue, string symbol, string interval, DateTimeOffset openedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipping {Venue} {Symbol} {Interval} candle opened at {OpenedAt}: already consumed")]
    public static partial void DuplicateCandle(ILogger logger, string venue, string symbol, string interval, DateTimeOffset openedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warming up the strategies of {Venue} {Symbol} {Interval} with {CandleCount} stored candles")]
    public static partial void WarmingUp(ILogger logger, string venue, string symbol, string interval, int candleCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "candle-builder sent {Received} candles of {Venue} {Symbol} {Interval}; {Added} were new (had {Stored})")]
    public static partial void HistoryStored(ILogger logger, string venue, string symbol, string interval, int received, int added, int stored);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No candle history from candle-builder for {Venue} {Symbol} {Interval} ({Error}); warming up from the stored candles")]
    public static partial void HistoryUnanswered(ILogger logger, string venue, string symbol, string interval, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipping {Venue} {Symbol} {Interval} candle opened at {OpenedAt}: out of order, the series last saw the candle opened at {LastOpenedAt}")]
    public static partial void OutOfOrderCandle(ILogger logger, string venue, string symbol, string interval, DateTimeOffset openedAt, DateTimeOffset? lastOpenedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candles of {Venue} {Symbol} {Interval} are missing: expected one opened at {ExpectedOpenedAt}, got {OpenedAt}")]
    public static partial void CandleGap(ILogger logger, string venue, string symbol, string interval, DateTimeOffset? expectedOpenedAt, DateTimeOffset openedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId} already stored for {Strategy} on {Venue} {Symbol} {Interval}")]
    public static partial void DuplicateSignal(ILogger logger, Guid signalId, string strategy, string venue, string symbol, string interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId}: {Strategy} {Direction} {Venue} {Symbol} {Interval} entry {Entry} stop {StopLoss} target {TakeProfit} confidence {Confidence}")]
    public static partial void SignalGenerated(ILogger logger, Guid signalId, string strategy, string venue, string symbol, string interval,
        SignalDirection direction, decimal entry, decimal stopLoss, decimal takeProfit, decimal confidence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {SignalId} suppressed by the live gate: {Strategy} {Direction} {Venue} {Symbol} {Interval}: {Reason}")]
    public static partial void SignalSuppressed(ILogger logger, Guid signalId, string strategy, string venue, string symbol, string interval,
        SignalDirection direction, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transaction for the {Venue} {Symbol} {Interval} candle opened at {OpenedAt} failed: the series will be rebuilt from stored candles")]
    public static partial void SeriesDiscarded(ILogger logger, string venue, string symbol, string interval, DateTimeOffset openedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backtest record of {Strategy} on {Symbol} {Interval} (data to {DataEndAt}, passed {Passed}): {Write}")]
    public static partial void BacktestRecordStored(ILogger logger, string strategy, string symbol, string interval, DateTimeOffset dataEndAt, bool passed, Backtests.BacktestRecordWrite write);
}
