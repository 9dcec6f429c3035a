namespace Trading.Signal.Backtests;

/// <summary>Which of two backtest records of the same strategy, symbol and interval the gate keeps.</summary>
public static class BacktestRecordRule
{
    /// <summary>
    /// True when the incoming record replaces the stored one: its data ends later, or ends at the same time and it was recorded
    /// at the same time or later (a rerun on the same data). A record whose data ends earlier never replaces a newer one.
    /// </summary>
    public static bool Supersedes(DateTimeOffset incomingDataEndAt, DateTimeOffset incomingRecordedAt, DateTimeOffset storedDataEndAt, DateTimeOffset storedRecordedAt) =>
        incomingDataEndAt > storedDataEndAt || (incomingDataEndAt == storedDataEndAt && incomingRecordedAt >= storedRecordedAt);
}
