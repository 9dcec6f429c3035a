using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Live;

/// <summary>
/// The live source (<c>MarketData:Source = Live</c>): runs the <see cref="LiveFeed"/> into the outbox sink, which
/// batches what it publishes. The configured symbols are split between the running instances (section <c>Scaling</c>):
/// this one streams exactly the symbols whose lease it holds, restarts the feed when that set changes, and gives its
/// leases up when it stops. Does nothing when the replay is the source.
/// </summary>
public sealed class LiveFeedService(
    IOptions<MarketDataOptions> source,
    IOptions<LiveFeedOptions> options,
    IOptions<ScalingOptions> scaling,
    OutboxMarketDataSink sink,
    SymbolLeaseStore leases,
    IHttpClientFactory httpClients,
    VenueConnectionMetrics connectionMetrics,
    LiveFeedMetrics feedMetrics,
    ScalingMetrics scalingMetrics,
    TimeProvider timeProvider,
    ILoggerFactory loggers) : BackgroundService
{
    public const string KrakenRestClientName = "kraken-rest";
    public const string CoinbaseRestClientName = "coinbase-rest";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!source.Value.IsLive)
        {
            return;
        }

        var scale = scaling.Value;

        // The suffix keeps two processes apart even when they are configured with the same name.
        var instanceId = $"{scale.InstanceName}-{Guid.NewGuid().ToString("N")[..8]}";
        var coordinator = new SymbolLeaseCoordinator(
            leases, instanceId, options.Value.Symbols, scale.HeartbeatInterval, scale.LeaseTimeout, timeProvider);
        var loop = new SymbolLeaseLoop(
            coordinator, new HeldSymbolsFeed(RunFeedAsync), scale.HeartbeatInterval, scale.LeaseTimeout, scalingMetrics, timeProvider, loggers.CreateLogger<SymbolLeaseLoop>());
        sink.FenceWith(instanceId);
        var flushing = FlushUntilStoppedAsync(stoppingToken);
        await loop.RunAsync(stoppingToken);
        await flushing;
    }

    /// <summary>
    /// One run of the feed, for one set of symbols, until the loop stops it. Each symbol resumes from its last published
    /// trade, whether this instance or another one published it, so a restart or a hand-over backfills what it missed.
    /// </summary>
    private async Task RunFeedAsync(IReadOnlyList<string> symbols, CancellationToken stopped)
    {
        // The previous run has stopped, but its last trades may still wait in the sink for their batch window. They go out
        // now, moving the cursors, so that this run resumes after them instead of backfilling them a second time.
        await sink.PublishHeldTradesAsync(stopped);
        var resumeFrom = await ResumableCursorsAsync(symbols, stopped);
        await new LiveFeed(options.Value, new StoppableSink(sink, stopped), RestClient, connectionMetrics, feedMetrics, timeProvider, loggers)
            .RunAsync(symbols, stopped, resumeFrom);
    }

    private async Task<IReadOnlyDictionary<string, FeedCursor>> ResumableCursorsAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<LiveFeedService>();
        var resumeWithin = options.Value.ResumeWithin;
        var now = timeProvider.GetUtcNow();
        var resumable = new Dictionary<string, FeedCursor>(StringComparer.Ordinal);
        foreach (var (symbol, cursor) in await sink.LoadCursorsAsync(symbols, cancellationToken))
        {
            // A backfill holds the live stream back until it is in; hours of history belong to `trading download`.
            if (now - cursor.LastExchangeTime > resumeWithin)
            {
                Log.CursorTooOld(logger, symbol, cursor.LastExchangeTime, resumeWithin);
                continue;
            }

            resumable[symbol] = cursor;
        }

        return resumable;
    }

    private HttpClient RestClient(string venue) =>
        httpClients.CreateClient(venue == Venues.Coinbase ? CoinbaseRestClientName : KrakenRestClientName);

    private async Task FlushUntilStoppedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await sink.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
