using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>
/// The account ledger: each fee and each closed position's result, booked once under its natural key, and the peak equity.
/// Equity is the starting equity plus every booked amount; the UTC day of the booking time decides which day's loss it is.
/// </summary>
public sealed class LedgerStore
{
    public const string Fee = "fee";
    public const string Realised = "realised";

    /// <summary>Places kept of a booked amount: sums of many amounts of full decimal precision would not fit a decimal when read back.</summary>
    public const int Decimals = 12;

    /// <summary>Books an amount (rounded to <see cref="Decimals"/> places) once; false when the reference was booked before (a redelivered event).</summary>
    public async Task<bool> BookAsync(OutboxTransaction tx, string reference, string kind, Guid signalId, decimal amount, DateTimeOffset eventAt) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO ledger (reference, kind, signal_id, amount, event_at, booked_at)
            VALUES (@reference, @kind, @signalId, @amount, @eventAt, @now)
            ON CONFLICT (reference) DO NOTHING
            """,
            new { reference, kind, signalId, amount = Math.Round(amount, Decimals), eventAt, now = tx.Now.ToUniversalTime() }) == 1;

    /// <summary>Sum of the amounts of one kind booked for a signal (0 when none).</summary>
    public async Task<decimal> BookedAsync(OutboxTransaction tx, Guid signalId, string kind) =>
        await tx.ExecuteScalarAsync<decimal>(
            "SELECT coalesce(sum(amount), 0) FROM ledger WHERE signal_id = @signalId AND kind = @kind",
            new { signalId, kind });

    /// <summary>Whether anything of one kind was booked for a signal.</summary>
    public async Task<bool> HasAsync(OutboxTransaction tx, Guid signalId, string kind) =>
        await tx.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM ledger WHERE signal_id = @signalId AND kind = @kind)",
            new { signalId, kind });

    /// <summary>Sum of every amount, and of those booked before <paramref name="dayStart"/>.</summary>
    public async Task<(decimal Total, decimal BeforeDay)> TotalsAsync(OutboxTransaction tx, DateTimeOffset dayStart)
    {
        var row = await tx.QuerySingleOrDefaultAsync<TotalsRow>(
            """
            SELECT coalesce(sum(amount), 0) AS total,
                   coalesce(sum(amount) FILTER (WHERE booked_at < @dayStart), 0) AS before_day
            FROM ledger
            """,
            new { dayStart });
        return (row!.Total, row.BeforeDay);
    }

    /// <summary>The recorded peak equity, or null before the first booking.</summary>
    public Task<decimal?> PeakAsync(OutboxTransaction tx) =>
        tx.ExecuteScalarAsync<decimal?>("SELECT peak_equity FROM account_state WHERE id = 1");

    /// <summary>
    /// Raises the recorded peak to <paramref name="equity"/> when it is higher; the first time, the peak starts at the higher of it and
    /// <paramref name="startingEquity"/> (equity before any booking is the first peak).
    /// </summary>
    public Task RaisePeakAsync(OutboxTransaction tx, decimal equity, decimal startingEquity) =>
        tx.ExecuteAsync(
            """
            INSERT INTO account_state (id, peak_equity, updated_at) VALUES (1, greatest(@equity, @startingEquity), @now)
            ON CONFLICT (id) DO UPDATE SET peak_equity = greatest(account_state.peak_equity, @equity), updated_at = excluded.updated_at
            """,
            new { equity = Math.Round(equity, Decimals), startingEquity = Math.Round(startingEquity, Decimals), now = tx.Now.ToUniversalTime() });

    /// <summary>Sets the peak to <paramref name="equity"/>: an operator accepted the drawdown and resumed.</summary>
    public Task ResetPeakAsync(OutboxTransaction tx, decimal equity) =>
        tx.ExecuteAsync(
            """
            INSERT INTO account_state (id, peak_equity, updated_at) VALUES (1, @equity, @now)
            ON CONFLICT (id) DO UPDATE SET peak_equity = excluded.peak_equity, updated_at = excluded.updated_at
            """,
            new { equity = Math.Round(equity, Decimals), now = tx.Now.ToUniversalTime() });

    private sealed class TotalsRow
    {
        public decimal Total { get; set; }

        public decimal BeforeDay { get; set; }
    }
}
