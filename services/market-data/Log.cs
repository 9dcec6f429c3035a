namespace Trading.MarketData;

/// <summary>The log entries of market-data, source-generated with structured fields.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay {ReplayKey} of {File} at speed {Speed}: starting at line {NextLine} of {TotalLines}")]
    public static partial void ReplayStarting(ILogger logger, string replayKey, string file, decimal speed, int nextLine, int totalLines);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay {ReplayKey} already completed at {CompletedAt} with {TradesPublished} trades; nothing to do")]
    public static partial void ReplayAlreadyCompleted(ILogger logger, string replayKey, DateTime completedAt, long tradesPublished);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Malformed line {LineNumber} in {File} skipped: {Error}; line starts {Sample}")]
    public static partial void MalformedLine(ILogger logger, string file, int lineNumber, string? error, string? sample);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay {ReplayKey} at {Percent}%: line {Line} of {TotalLines}, {TradesPublished} trades published")]
    public static partial void ReplayProgress(ILogger logger, string replayKey, int percent, int line, int totalLines, long tradesPublished);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay {ReplayKey} completed: {TradesPublished} trades published")]
    public static partial void ReplayCompleted(ILogger logger, string replayKey, long tradesPublished);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay failed; resuming from the stored cursor in {RetryDelay}")]
    public static partial void ReplayFailed(ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed frame from {Venue} skipped: {Error}; frame starts {Sample}")]
    public static partial void MalformedFrame(ILogger logger, string venue, string? error, string sample);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} reported an error: {Error}; frame starts {Sample}")]
    public static partial void VenueErrorFrame(ILogger logger, string venue, string? error, string sample);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue} connection {State}: {Reason}")]
    public static partial void VenueConnectionStateChanged(ILogger logger, string venue, string state, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Active venue {From} -> {To}: {Reason}")]
    public static partial void ActiveVenueChanged(ILogger logger, string? from, string? to, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Backfilled {Count} trades of {Symbol} on {Venue} since {Since}")]
    public static partial void TradesBackfilled(ILogger logger, string venue, string symbol, int count, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gap in {Symbol} on {Venue} from {From} to {To}: {Reason}")]
    public static partial void TradeGap(ILogger logger, string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Live feed failed to handle {Venue}")]
    public static partial void LiveFeedFailed(ILogger logger, Exception exception, string venue);

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Venue} {State} not published, the venue is still down: {Reason} ({Suppressed} suppressed in this outage)")]
    public static partial void FeedStatusSuppressed(ILogger logger, string venue, string state, string reason, int suppressed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Venue} live again after {DownFor} and {Attempts} attempts; {Suppressed} status changes were not published")]
    public static partial void VenueLiveAgain(ILogger logger, string venue, TimeSpan downFor, int attempts, int suppressed);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Resuming {Symbol} after trade {LastTradeId} of {Venue} at {LastExchangeTime}")]
    public static partial void ResumingFromCursor(ILogger logger, string symbol, string venue, string lastTradeId, DateTimeOffset lastExchangeTime);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Instance {InstanceId} now streams [{Held}] (added [{Added}], removed [{Removed}]): {Reason}")]
    public static partial void HeldSymbolsChanged(ILogger logger, string instanceId, string held, string added, string removed, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Instance {InstanceId} could not renew its symbol leases; it stops streaming at {FenceDeadline} unless a renewal succeeds first")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string instanceId, DateTimeOffset? fenceDeadline);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Instance {InstanceId} could not release the symbol leases it gave up; they expire by themselves")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay {ReplayKey}: {Format} from {SectionStart} to {SectionEnd}, loop {Loop} (now in loop {LoopNumber}, each loop shifted by {LoopShift})")]
    public static partial void ReplaySection(
        ILogger logger, string replayKey, string format, DateTimeOffset? sectionStart, DateTimeOffset? sectionEnd, bool loop, int loopNumber, TimeSpan loopShift);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Replay {ReplayKey} starts loop {LoopNumber}, times shifted by {Shift}; {TradesPublished} trades published so far")]
    public static partial void ReplayLoopStarted(ILogger logger, string replayKey, int loopNumber, TimeSpan shift, long tradesPublished);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backfill of {Symbol} on {Venue} failed (try {Attempt}); trying again in {Wait}: {Reason}")]
    public static partial void BackfillRetrying(ILogger logger, string venue, string symbol, int attempt, TimeSpan wait, string reason);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Instance {InstanceId} stopped waiting for a lease renewal the database has not answered in {Waited}; the next renewal starts now")]
    public static partial void LeaseRenewalAbandoned(ILogger logger, string instanceId, TimeSpan waited);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Dropped a batch of {TradeCount} {Symbol} trades from {Venue}: instance {InstanceId} no longer holds the symbol's lease; its new owner resumes from the last committed trade")]
    public static partial void BatchDroppedWithoutLease(ILogger logger, string venue, string symbol, int tradeCount, string instanceId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Not resuming {Symbol}: its last published trade at {ExchangeTime} is older than LiveFeed:ResumeWithin ({ResumeWithin}); the trades since then are missing")]
    public static partial void CursorTooOld(ILogger logger, string symbol, DateTimeOffset exchangeTime, TimeSpan resumeWithin);
}
