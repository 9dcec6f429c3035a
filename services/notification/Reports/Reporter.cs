using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;
using Trading.ServiceDefaults;

namespace Trading.Notification.Reports;

/// <summary>
/// The service's own notices: system started (at start) and stopped (on the way down, while the senders still run), the status report
/// every <see cref="NotificationOptions.StatusReportInterval"/> and the daily summary after each UTC midnight. Report ids are derived
/// from their slot, so with several instances each report is queued once per channel, whichever instance gets there first.
/// </summary>
public sealed class Reporter(
    NotificationRouter router,
    StatsStore stats,
    IOptions<NotificationOptions> options,
    ServiceIdentity identity,
    TimeProvider time,
    ILogger<Reporter> logger) : BackgroundService
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(3);
    private static readonly string? Version = typeof(Reporter).Assembly.GetName().Version?.ToString();
    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private readonly string _instance = $"{identity.Name}@{Environment.MachineName}";

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await router.RouteAsync(
                NotificationFactory.SystemStopped(_instance, Version, now, DeterministicGuid.Create($"stopped|{_instance}|{_startedAt.UtcTicks}")),
                cancellationToken);

            // The senders stop after this service (registered before it): give them a moment to send the stop notice.
            await Task.Delay(StopGrace, time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReportFailed(logger, "system-stopped", ex);
        }

        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await router.RouteAsync(
            NotificationFactory.SystemStarted(_instance, Version, _startedAt, DeterministicGuid.Create($"started|{_instance}|{_startedAt.UtcTicks}")),
            stoppingToken);
        var interval = options.Value.StatusReportInterval;
        var nextStatus = interval > TimeSpan.Zero ? ReportSchedule.NextSlot(_startedAt, interval) : DateTimeOffset.MaxValue;
        var nextDay = ReportSchedule.NextSlot(_startedAt, TimeSpan.FromDays(1));
        var nextForget = _startedAt;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (time.GetUtcNow() >= nextForget)
            {
                // The counts behind the reports: the daily summary reaches back a day, the status report (since start) two at most.
                nextForget = time.GetUtcNow() + TimeSpan.FromHours(1);
                try
                {
                    await stats.ForgetAsync(time.GetUtcNow() - TimeSpan.FromDays(2), stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Log.ReportFailed(logger, "clean-up of old counts", ex);
                }
            }

            var due = nextStatus < nextDay ? nextStatus : nextDay;
            var wait = due - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1), time, stoppingToken);
                continue;
            }

            try
            {
                if (due == nextStatus)
                {
                    await RouteStatusAsync(nextStatus, stoppingToken);
                    nextStatus += interval;
                }
                else
                {
                    if (options.Value.DailySummary)
                    {
                        await RouteDailyAsync(DateOnly.FromDateTime(nextDay.UtcDateTime).AddDays(-1), stoppingToken);
                    }

                    nextDay += TimeSpan.FromDays(1);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ReportFailed(logger, due == nextStatus ? "status-report" : "daily-summary", ex);
                await Task.Delay(TimeSpan.FromSeconds(10), time, stoppingToken);
            }
        }
    }

    /// <summary>The status report of the slot starting at <paramref name="slot"/>.</summary>
    public async Task RouteStatusAsync(DateTimeOffset slot, CancellationToken cancellationToken)
    {
        var account = await stats.AccountAsync(cancellationToken);
        var report = new StatusReport
        {
            Runtime = slot - _startedAt,
            CandlesProcessed = await stats.CountAsync(StatsStore.Candle, _startedAt, slot, cancellationToken),
            Signals = (int)await stats.CountAsync(StatsStore.Signal, _startedAt, slot, cancellationToken),
            OpenPositions = account?.OpenPositions ?? 0,
            Equity = account?.Equity,
            PnlToday = account?.PnlToday,
            At = slot,
        };
        await router.RouteAsync(NotificationFactory.Create(report, DeterministicGuid.Create($"status|{slot.UtcTicks}")), cancellationToken);
    }

    /// <summary>The summary of the UTC <paramref name="day"/>.</summary>
    public async Task RouteDailyAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var to = from.AddDays(1);
        var closed = await stats.ClosedAsync(from, to, cancellationToken);
        var account = await stats.AccountAsync(cancellationToken);
        var summary = new DailySummary
        {
            Day = day,
            Trades = closed.Count,
            Wins = closed.Count(c => c.Pnl > 0),
            Losses = closed.Count(c => c.Pnl <= 0),
            NetPnl = closed.Sum(c => c.Pnl),
            BestTrade = closed.Count == 0 ? null : closed.Max(c => c.Pnl),
            WorstTrade = closed.Count == 0 ? null : closed.Min(c => c.Pnl),
            Equity = account?.Equity,
            Signals = (int)await stats.CountAsync(StatsStore.Signal, from, to, cancellationToken),
            Rejections = (int)await stats.CountAsync(StatsStore.Rejected, from, to, cancellationToken),
        };
        await router.RouteAsync(NotificationFactory.Create(summary, DeterministicGuid.Create($"daily|{day:yyyy-MM-dd}")), cancellationToken);
    }
}
