using Microsoft.Extensions.Options;

namespace Trading.MarketData.Replay;

/// <summary>
/// Runs the replay in the background when it is the source (<c>MarketData:Source = Replay</c>). A failure (database or file) is logged and the replay starts again from its
/// stored cursor after a pause, so the feed recovers without a restart and never crashes the process.
/// </summary>
public sealed class ReplayService(
    IOptions<MarketDataOptions> source, ReplayRunner runner, TimeProvider timeProvider, ILogger<ReplayService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!source.Value.IsReplay)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ReplayFailed(logger, ex, RetryDelay);
                await Task.Delay(RetryDelay, timeProvider, stoppingToken);
            }
        }
    }
}
