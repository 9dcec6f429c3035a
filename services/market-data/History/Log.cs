namespace Trading.MarketData;

// The history requests' entries of the service's log.
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Answered {Venue} {Symbol} {Interval} history [{StartAt}, {EndAt}) with {Count} candles from {Requests} venue requests")]
    public static partial void HistoryFetched(
        ILogger logger, string venue, string symbol, string interval, DateTimeOffset startAt, DateTimeOffset endAt, int count, int requests);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History request failed: {Error}")]
    public static partial void HistoryFetchFailed(ILogger logger, Exception exception, string error);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{Venue} rate-limited a history request (attempt {Attempt} of {Attempts}); retrying in {Delay}")]
    public static partial void HistoryRateLimited(ILogger logger, string venue, int attempt, int attempts, TimeSpan delay);
}
