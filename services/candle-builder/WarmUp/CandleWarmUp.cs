using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// Runs once, after the bus has started: for each configured market this instance owns and each built interval, makes the last
/// <see cref="CandleWarmUpOptions.Candles"/> closed candles complete in <c>candles</c>. It counts what is stored, asks market-data
/// (<see cref="FetchVenueCandles"/>) for the missing ranges only, and stores the answer without publishing it (see
/// <see cref="CandleHistoryStore.SaveAsync"/>), one series after the other so no request waits behind the others in market-data's
/// queue. A market that fails is logged and skipped: candles are still built from trades when the venue is unreachable.
/// </summary>
public sealed class CandleWarmUp(
    IOptions<CandleBuilderOptions> options,
    CandleHistoryStore history,
    IServiceScopeFactory scopes,
    PartitionOwnership ownership,
    CandleWarmUpStatus status,
    TimeProvider timeProvider,
    IHostApplicationLifetime lifetime,
    ILogger<CandleWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.WarmUp;
        var markets = CandleWarmUpOptionsValidator.ParseMarkets(settings);
        var owned = settings.Enabled ? markets.Where(m => ownership.Owns(m.Venue, m.Symbol)).ToList() : [];
        var intervals = CandleBuilderOptionsValidator.ParseIntervals(options.Value);
        status.Started(owned.Count * intervals.Count);
        if (owned.Count == 0)
        {
            status.Finished();
            return;
        }

        // The request client needs a started bus.
        await WaitForStartAsync(stoppingToken);
        Log.WarmUpStarting(logger, markets.Count, intervals.Count, settings.Candles, owned.Count);
        var clock = Stopwatch.StartNew();
        var (warmed, failed) = (0, 0);
        using var scope = scopes.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<FetchVenueCandles>>();
        try
        {
            foreach (var market in owned)
            {
                var remaining = intervals.Count;
                foreach (var interval in intervals)
                {
                    try
                    {
                        await WarmSeriesAsync(client, market, interval, settings, stoppingToken);
                        warmed++;
                    }
                    catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                    {
                        Log.MarketWarmUpFailed(logger, exception, market.Venue, market.Symbol, interval.Code, Describe(exception));
                        failed++;
                        break;
                    }
                    finally
                    {
                        status.SeriesDone();
                        remaining--;
                    }
                }

                for (; remaining > 0; remaining--)
                {
                    status.SeriesDone();
                }
            }

            Log.WarmUpFinished(logger, clock.Elapsed, warmed, failed);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            status.Finished();
        }
    }

    private async Task WarmSeriesAsync(
        IRequestClient<FetchVenueCandles> client, WarmUpMarket market, Interval interval, CandleWarmUpOptions settings, CancellationToken cancellationToken)
    {
        var window = HistoryGaps.Window(interval, settings.Candles, timeProvider.GetUtcNow());
        var stored = await history.StoredOpenTimesAsync(market.Venue, market.Symbol, interval, window, cancellationToken);
        var missing = HistoryGaps.Missing(interval, window, stored);
        var fetched = new List<HistoricCandle>();
        foreach (var range in missing)
        {
            var response = await client.GetResponse<CandleHistory>(
                new FetchVenueCandles
                {
                    Venue = market.Venue,
                    Symbol = market.Symbol,
                    Interval = interval.Code,
                    StartAt = range.StartAt,
                    EndAt = range.EndAt,
                },
                cancellationToken,
                RequestTimeout.After(ms: (int)settings.RequestTimeout.TotalMilliseconds));

            // Only whole candles of this series inside the asked range are history of it.
            fetched.AddRange(response.Message.Candles.Where(c =>
                c.OpenedAt >= range.StartAt && c.OpenedAt < range.EndAt && interval.Floor(c.OpenedAt) == c.OpenedAt
                && c.ClosedAt == c.OpenedAt + interval.Duration));
        }

        var inserted = await history.SaveAsync(market.Venue, market.Symbol, interval, fetched, cancellationToken);
        Log.SeriesWarmed(logger, market.Venue, market.Symbol, interval.Code, stored.Count, fetched.Count, inserted, missing.Count);
    }

    // A fault carries market-data's message (the venue's error); the exception's own message only says the request faulted.
    private static string Describe(Exception exception) =>
        exception is RequestFaultException { Fault: { } fault } && fault.Exceptions.FirstOrDefault() is { } cause
            ? cause.Message
            : exception.Message;

    private async Task WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }
}
