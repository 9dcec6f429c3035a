using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Persistence;
using Trading.Notification.Reports;
using Trading.ServiceDefaults;
using Trading.Tests;

namespace Trading.Notification.Tests.Reports;

/// <summary>
/// The status report and the daily summary against the real Postgres: their figures come from what the service counted, and two
/// instances reporting the same slot queue each report once per channel.
/// </summary>
public sealed class ReporterTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Day = new(2025, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private ServiceTestDatabase _database = null!;
    private StatsStore _stats = null!;
    private DeliveryStore _deliveries = null!;

    public async Task InitializeAsync()
    {
        _database = await ServiceTestDatabase.CreateAsync("notification-test-", typeof(NotificationOptions).Assembly, TimeProvider.System);
        _stats = new StatsStore(_database.DataSource);
        _deliveries = new DeliveryStore(_database.DataSource);
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task Two_instances_queue_one_status_report_per_slot_and_channel_with_the_counted_figures()
    {
        var first = Reporter();

        // Seen since the first instance started: 7 candles and a signal; one candle from before its start does not count.
        await _stats.SeenAsync(Guid.NewGuid(), StatsStore.Candle, DateTimeOffset.UtcNow.AddHours(-1), CancellationToken.None);
        for (var i = 0; i < 7; i++)
        {
            await _stats.SeenAsync(Guid.NewGuid(), StatsStore.Candle, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        await _stats.SeenAsync(Guid.NewGuid(), StatsStore.Signal, DateTimeOffset.UtcNow, CancellationToken.None);
        await _stats.SaveAccountAsync(
            new AccountUpdated { Equity = 9_950m, PeakEquity = 10_000m, PnlToday = -50m, OpenPositions = 1, Halts = [], UpdatedAt = DateTimeOffset.UtcNow },
            CancellationToken.None);
        var slot = DateTimeOffset.UtcNow.AddSeconds(1);

        await first.RouteStatusAsync(slot, CancellationToken.None);
        await Reporter().RouteStatusAsync(slot, CancellationToken.None);

        var rows = await RowsAsync("status-report");
        Assert.Equal(["console", "slack:desk"], rows.Select(r => r.Channel).Order());
        var json = JsonDocument.Parse(rows[0].Notice).RootElement.GetProperty("json").GetString()!;
        var report = JsonDocument.Parse(json).RootElement;
        Assert.Equal((7, 1, 1), (report.GetProperty("candles_processed").GetInt32(), report.GetProperty("signals").GetInt32(), report.GetProperty("open_positions").GetInt32()));
        Assert.Equal(9_950m, report.GetProperty("equity").GetDecimal());
        Assert.Equal(-50m, report.GetProperty("pnl_today").GetDecimal());
    }

    [Fact]
    public async Task The_daily_summary_sums_the_days_closed_positions_once()
    {
        await CloseAsync(25m, Day.AddHours(3));
        await CloseAsync(-10m, Day.AddHours(9));
        await CloseAsync(40m, Day.AddHours(23).AddMinutes(59));
        await CloseAsync(99m, Day.AddDays(1));
        await _stats.SeenAsync(Guid.NewGuid(), StatsStore.Rejected, Day.AddHours(4), CancellationToken.None);

        await Reporter().RouteDailyAsync(DateOnly.FromDateTime(Day.UtcDateTime), CancellationToken.None);
        await Reporter().RouteDailyAsync(DateOnly.FromDateTime(Day.UtcDateTime), CancellationToken.None);

        var rows = await RowsAsync("daily-summary");
        Assert.Equal(2, rows.Count);
        var json = JsonDocument.Parse(rows[0].Notice).RootElement.GetProperty("json").GetString()!;
        var summary = JsonDocument.Parse(json).RootElement;
        Assert.Equal(("2025-11-10", 3, 2, 1), (summary.GetProperty("day").GetString(), summary.GetProperty("trades").GetInt32(),
            summary.GetProperty("wins").GetInt32(), summary.GetProperty("losses").GetInt32()));
        Assert.Equal((55m, 40m, -10m), (summary.GetProperty("net_pnl").GetDecimal(), summary.GetProperty("best_trade").GetDecimal(),
            summary.GetProperty("worst_trade").GetDecimal()));
    }

    [Fact]
    public void Slots_are_utc_multiples_of_the_interval()
    {
        var at = new DateTimeOffset(2025, 11, 10, 13, 47, 12, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2025, 11, 10, 13, 0, 0, TimeSpan.Zero), ReportSchedule.SlotOf(at, TimeSpan.FromHours(1)));
        Assert.Equal(new DateTimeOffset(2025, 11, 10, 13, 45, 0, TimeSpan.Zero), ReportSchedule.SlotOf(at, TimeSpan.FromMinutes(15)));
        Assert.Equal(new DateTimeOffset(2025, 11, 11, 0, 0, 0, TimeSpan.Zero), ReportSchedule.NextSlot(at, TimeSpan.FromDays(1)));
    }

    private Reporter Reporter()
    {
        NotificationChannel Channel(string name) => new()
        {
            Name = name,
            Route = ChannelRoute.Everything,
            Limits = [],
            SendAsync = (_, _, _) => Task.FromResult(DeliveryOutcome.Delivered),
        };
        var router = new NotificationRouter(new ChannelCatalog([Channel("console"), Channel("slack:desk")]), _deliveries, new DeliverySignal(), TimeProvider.System);
        return new Reporter(router, _stats, Options.Create(new NotificationOptions()), new ServiceIdentity("notification"), TimeProvider.System,
            NullLogger<Reporter>.Instance);
    }

    private Task CloseAsync(decimal pnl, DateTimeOffset at) =>
        _stats.AddClosedAsync(
            new PositionClosed
            {
                PositionId = Guid.NewGuid(),
                SignalId = Guid.NewGuid(),
                Venue = "KRAKEN",
                Symbol = "BTC/USD",
                Side = OrderSide.Buy,
                Quantity = 0.1m,
                EntryPrice = 100m,
                ExitPrice = 101m,
                Fees = 0.1m,
                RealizedPnl = pnl,
                RMultiple = pnl / 10m,
                ExitReason = ExitReason.TakeProfit,
                OpenedAt = at.AddMinutes(-30),
                ClosedAt = at,
            },
            CancellationToken.None);

    private async Task<List<(string Channel, string Notice)>> RowsAsync(string eventName) =>
        await _database.QueryAsync<(string, string)>($"SELECT channel, notice::text FROM deliveries WHERE event = '{eventName}' ORDER BY channel");
}
