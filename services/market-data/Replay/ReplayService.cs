namespace Trading.MarketData.Replay;

/// <summary>
/// Runs the replay in the background. A failure (database or file) is logged and the replay starts again from its
/// stored cursor after a pause, so the feed recovers without a restart and never crashes the process.
/// </summary>
public sealed class ReplayService(ReplayRunner runner, TimeProvider timeProvider, ILogger<ReplayService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
