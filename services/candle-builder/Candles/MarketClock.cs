namespace Trading.CandleBuilder.Candles;

/// <summary>
/// The current time of one market, used to close candles when no trade arrives: the exchange time of the newest trade
/// plus the wall time that has passed since that trade was consumed.
/// </summary>
/// <remarks>
/// Wall time alone would be wrong for a replay, which runs far from wall time (a 2025 recording played at high speed
/// would have every candle "overdue" at once), and trade time alone never moves in a quiet market. On a live feed the
/// exchange time of a trade and the time we consume it nearly coincide, so this clock is then simply wall time.
/// The wall time elapsed is counted only while this process runs (from <c>runningSince</c>): after a restart the
/// trades sent during the downtime wait in the queue, and counting the downtime would close their candles as
/// synthetic before they are consumed. The clock therefore resumes where it stopped and catches up with the next trade.
/// </remarks>
public static class MarketClock
{
    /// <param name="lastTradeAt">Exchange time of the newest trade of the series.</param>
    /// <param name="lastTradeReceivedAt">Wall time when that trade was consumed.</param>
    /// <param name="runningSince">Wall time when this process started scanning.</param>
    /// <param name="wallNow">Wall time now.</param>
    public static DateTimeOffset Now(DateTimeOffset lastTradeAt, DateTimeOffset lastTradeReceivedAt, DateTimeOffset runningSince, DateTimeOffset wallNow)
    {
        var since = lastTradeReceivedAt > runningSince ? lastTradeReceivedAt : runningSince;
        var elapsed = wallNow - since;
        return elapsed > TimeSpan.Zero ? lastTradeAt + elapsed : lastTradeAt;
    }

    /// <summary>
    /// The time to pass to <c>CandleAggregator.Scan</c>: it closes a candle when its end is at or before this time,
    /// that is when end + <paramref name="gracePeriod"/> is at or before <paramref name="marketNow"/>.
    /// </summary>
    public static DateTimeOffset ScanHorizon(DateTimeOffset marketNow, TimeSpan gracePeriod) => marketNow - gracePeriod;
}
