namespace Trading.CandleBuilder;

/// <summary>The log entries of candle-builder, source-generated with structured fields.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Debug,
        Message = "Closed {Interval} candle of {Venue} {Symbol} opened at {OpenedAt}: {TradeCount} trades, synthetic {IsSynthetic}")]
    public static partial void CandleClosed(
        ILogger logger, string venue, string symbol, string interval, DateTimeOffset openedAt, int tradeCount, bool isSynthetic);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Count} late trades for {Venue} {Symbol} {Interval} refused (candles closed until {ClosedUntil}); first {TradeId} at {ExchangeTime}")]
    public static partial void LateTrades(
        ILogger logger, string venue, string symbol, string interval, int count, string tradeId, DateTimeOffset exchangeTime, DateTimeOffset? closedUntil);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Trade {TradeId} of {Venue} {Symbol} skipped: price {Price} must be positive and quantity {Quantity} not negative")]
    public static partial void InvalidTrade(ILogger logger, string venue, string symbol, string tradeId, decimal price, decimal quantity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiet-market scan could not list the series; retrying at the next scan")]
    public static partial void ScanListFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Quiet-market scan of {Venue} {Symbol} failed; retrying at the next scan")]
    public static partial void ScanFailed(ILogger logger, Exception exception, string venue, string symbol);
}
