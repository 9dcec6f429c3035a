using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Trading.Execution.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Paper;

/// <summary>
/// Start and stop of the paper session. Orders and positions live in Postgres, so a restart restores them by itself; start-up
/// logs what it found. With <c>Execution:FlattenOnShutdown</c>, stopping (SIGTERM) closes every open position at the latest
/// market price first; outbox messages the stopping process does not deliver go out at the next start.
/// </summary>
public sealed class PaperSession(
    Outbox outbox,
    PaperTrader trader,
    OrderStore orders,
    PositionStore positions,
    ExecutionMetrics metrics,
    IOptions<ExecutionOptions> options,
    ILogger<PaperSession> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        long open = 0, pending = 0;
        await outbox.ExecuteAsync(
            async tx =>
            {
                open = await positions.CountOpenAsync(tx);
                pending = await orders.CountPendingAsync(tx);
            },
            cancellationToken);
        Log.Restored(logger, open, pending);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.FlattenOnShutdown)
        {
            return;
        }

        IReadOnlyList<TradeOutcome> outcomes = [];
        await outbox.ExecuteAsync(async tx => outcomes = await trader.FlattenAsync(null, "shutdown", tx), cancellationToken);
        metrics.Traded(outcomes);
    }
}
