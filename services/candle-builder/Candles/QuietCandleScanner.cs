using Microsoft.Extensions.Options;
using Trading.CandleBuilder.Persistence;
using Trading.CandleBuilder.WarmUp;
using Trading.ServiceDefaults.Messaging;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.Candles;

/// <summary>
/// Every <see cref="CandleBuilderOptions.ScanInterval"/>, closes the candles of quiet markets on their market clock
/// (see <see cref="MarketClock"/>), one outbox transaction per series. Only the markets of the partitions this instance owns are
/// scanned (a standby scanning them too would only wait on the series lock and find nothing to close).
/// </summary>
public sealed class QuietCandleScanner(
    Outbox outbox,
    CandleStore store,
    CandleSeriesProcessor processor,
    PartitionOwnership ownership,
    CandleWarmUpStatus warmUp,
    IOptions<CandleBuilderOptions> options,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<QuietCandleScanner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.CloseQuietCandles)
        {
            return;
        }

        // Start with the bus and after the warm-up, so the history of a downtime is stored and the consumer gets to the trades
        // queued while we were down before the clock moves.
        await WaitForStartAsync(stoppingToken);
        await warmUp.WhenFinished(stoppingToken);
        var runningSince = timeProvider.GetUtcNow();
        using var timer = new PeriodicTimer(settings.ScanInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ScanAllAsync(runningSince, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task ScanAllAsync(DateTimeOffset runningSince, CancellationToken cancellationToken)
    {
        IReadOnlyList<SeriesKey> series = [];
        try
        {
            await outbox.ExecuteAsync(async tx => series = await store.ListSeriesAsync(tx), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ScanListFailed(logger, ex);
            return;
        }

        foreach (var key in series.Where(key => ownership.Owns(key.Venue, key.Symbol)))
        {
            try
            {
                await outbox.ExecuteAsync(tx => processor.ScanAsync(key, runningSince, tx), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.ScanFailed(logger, ex, key.Venue, key.Symbol);
            }
        }
    }

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
