namespace Trading.CandleBuilder;

// The warm-up's entries of the service's log.
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warm-up of {Markets} markets × {Intervals} intervals, {Candles} candles each: {Owned} markets are this instance's")]
    public static partial void WarmUpStarting(ILogger logger, int markets, int intervals, int candles, int owned);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Warmed {Venue} {Symbol} {Interval}: {Stored} stored, {Fetched} fetched ({Inserted} new) in {Requests} requests")]
    public static partial void SeriesWarmed(
        ILogger logger, string venue, string symbol, string interval, int stored, int fetched, int inserted, int requests);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Warm-up of {Venue} {Symbol} failed at {Interval}, its remaining intervals are skipped; candles are still built from trades: {Error}")]
    public static partial void MarketWarmUpFailed(ILogger logger, Exception exception, string venue, string symbol, string interval, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up finished in {Elapsed}: {Series} series warmed, {FailedMarkets} markets failed")]
    public static partial void WarmUpFinished(ILogger logger, TimeSpan elapsed, int series, int failedMarkets);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History request for {Venue} {Symbol} {Interval} refused: {Error}")]
    public static partial void HistoryRequestRefused(ILogger logger, string venue, string symbol, string interval, string error);
}
