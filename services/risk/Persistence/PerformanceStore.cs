using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>Per strategy, symbol and interval: whether live results left the band, and whether the combination is disabled.</summary>
public sealed class PerformanceStore
{
    public Task<bool> IsDisabledAsync(OutboxTransaction tx, string strategy, string symbol, string interval) =>
        tx.ExecuteScalarAsync<bool>(
            "SELECT coalesce((SELECT disabled FROM live_performance WHERE strategy = @strategy AND symbol = @symbol AND interval = @interval), false)",
            new { strategy, symbol, interval });

    /// <summary>Records the first deviation of a combination; false when one was recorded before (it is announced once).</summary>
    public async Task<bool> RecordDeviationAsync(OutboxTransaction tx, string strategy, string symbol, string interval, string deviation, bool disable) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO live_performance (strategy, symbol, interval, deviated_at, deviation, disabled)
            VALUES (@strategy, @symbol, @interval, @now, @deviation, @disable)
            ON CONFLICT (strategy, symbol, interval) DO UPDATE
                SET deviated_at = excluded.deviated_at, deviation = excluded.deviation, disabled = excluded.disabled
                WHERE live_performance.deviated_at IS NULL
            """,
            new { strategy, symbol, interval, deviation, disable, now = tx.Now.ToUniversalTime() }) == 1;

    /// <summary>Enables a combination again and forgets its deviation, so a new one is announced; false when it was not disabled.</summary>
    public async Task<bool> EnableAsync(OutboxTransaction tx, string strategy, string symbol, string interval) =>
        await tx.ExecuteAsync(
            """
            UPDATE live_performance SET disabled = false, deviated_at = NULL, deviation = NULL
            WHERE strategy = @strategy AND symbol = @symbol AND interval = @interval AND disabled
            """,
            new { strategy, symbol, interval }) == 1;

    /// <summary>The backtest figures of the newest decision on the combination that carried a record.</summary>
    public Task<BacktestFigures?> BacktestOfAsync(OutboxTransaction tx, string strategy, string symbol, string interval) =>
        tx.QuerySingleOrDefaultAsync<BacktestFigures>(
            """
            SELECT backtest_win_rate AS win_rate, backtest_profit_factor AS profit_factor, backtest_max_drawdown_pct AS max_drawdown_pct
            FROM decisions
            WHERE strategy = @strategy AND symbol = @symbol AND interval = @interval AND backtest_win_rate IS NOT NULL
            ORDER BY decided_at DESC LIMIT 1
            """,
            new { strategy, symbol, interval });
}
