using Trading.Risk.Decisions;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Account;

/// <summary>
/// At start, logs the account as rebuilt from the database (equity, peak, today's P&amp;L, halts); then every
/// <see cref="RiskOptions.HaltCheckInterval"/> lifts and announces the halts whose time ran out, so a daily loss halt ends at the
/// next UTC midnight even when no message arrives, and refreshes the account gauges from the database.
/// </summary>
public sealed class HaltExpiry(Outbox outbox, AccountReader accounts, PositionStore positions, HaltKeeper halts, RiskSettings settings, RiskMetrics metrics,
    TimeProvider time, ILogger<HaltExpiry> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await outbox.ExecuteAsync(
            async tx =>
            {
                var view = await accounts.ReadAsync(tx);
                metrics.Committed(view);
                metrics.StrategiesCommitted(await positions.ResultsByStrategyAsync(tx));
                Log.StateRestored(logger, view.Account.Equity, view.Account.PeakEquity, view.Account.RealisedPnlToday,
                    view.Account.OpenPositions.Count, view.Account.ConsecutiveLosses,
                    view.Halts.Count == 0 ? "none" : string.Join("; ", view.Halts.Select(h => $"{h.Rule} since {h.StartedAt:u}")));
            },
            stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await outbox.ExecuteAsync(
                    async tx =>
                    {
                        await RiskLock.TakeAsync(tx);
                        await halts.ExpireAsync(tx);

                        // Every instance reads what was committed, a hot standby too: its gauges follow the account
                        // instead of freezing at start.
                        metrics.Committed(await accounts.ReadAsync(tx));
                        metrics.StrategiesCommitted(await positions.ResultsByStrategyAsync(tx));
                    },
                    stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.HaltCheckFailed(logger, ex);
            }

            await Task.Delay(settings.Current.HaltCheckInterval, time, stoppingToken);
        }
    }
}
