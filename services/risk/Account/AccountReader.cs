using Trading.Markets.Risk;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Account;

/// <summary>
/// Rebuilds the account from the database in the caller's transaction: equity from the starting equity and the ledger, the UTC day's
/// figures, the peak, the losing streak, the halts and the open positions. Nothing is kept in memory, so a restart (or the standby
/// taking over) continues exactly where the last commit left off.
/// </summary>
public sealed class AccountReader(PositionStore positions, LedgerStore ledger, HaltStore halts, LimitStore limits, RiskSettings settings)
{
    private const int StreakWindow = 1_000;

    public async Task<AccountView> ReadAsync(OutboxTransaction tx)
    {
        var now = tx.Now.ToUniversalTime();
        var options = settings.Current;
        var day = DateOnly.FromDateTime(now.UtcDateTime);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var (total, beforeDay) = await ledger.TotalsAsync(tx, dayStart);
        var equity = options.StartingEquity + total;
        // Before the first booking the peak is the starting equity; after an operator's reset, the reset value.
        var peak = Math.Max(await ledger.PeakAsync(tx) ?? Math.Max(options.StartingEquity, equity), equity);
        var (losses, lastLossAt) = LosingStreak(await positions.LatestResultsAsync(tx, StreakWindow));
        var active = await halts.ActiveAsync(tx, now);
        var account = new RiskAccount
        {
            Equity = equity,
            PeakEquity = peak,
            Day = day,
            DayStartEquity = options.StartingEquity + beforeDay,
            RealisedPnlToday = total - beforeDay,
            ConsecutiveLosses = losses,
            LastLossAt = lastLossAt,
            KillSwitch = active.Any(h => h.Rule == RiskRules.KillSwitch),
            DrawdownHalted = active.Any(h => h.Rule == RiskRules.MaxDrawdown),
            DailyLossHaltedUntil = active.Where(h => h.Rule == RiskRules.DailyLossLimit).Max(h => h.Until),
            OpenPositions = await positions.OpenAsync(tx),
        };
        var effective = LimitOverrides.Apply(options.ToLimits(), await limits.OverridesAsync(tx));
        return new AccountView(account, effective, active, now);
    }

    /// <summary>Losses (net P&amp;L ≤ 0, as the backtester counts them) in a row from the newest result, and when the newest of them was booked.</summary>
    public static (int Losses, DateTimeOffset? LastLossAt) LosingStreak(IReadOnlyList<(decimal Pnl, DateTimeOffset BookedAt)> newestFirst)
    {
        var losses = newestFirst.TakeWhile(result => result.Pnl <= 0).Count();
        return (losses, losses == 0 ? null : newestFirst[0].BookedAt);
    }
}
