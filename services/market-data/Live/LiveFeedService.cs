using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Live;

/// <summary>
/// The live source (<c>MarketData:Source = Live</c>): runs the <see cref="LiveFeed"/> of the configured symbols into the
/// outbox sink, which batches what it publishes. Does nothing when the replay is the source.
/// </summary>
public sealed class LiveFeedService(
    IOptions<MarketDataOptions> source,
    IOptions<LiveFeedOptions> options,
    OutboxMarketDataSink sink,
    IHttpClientFactory httpClients,
    VenueConnectionMetrics connectionMetrics,
    LiveFeedMetrics feedMetrics,
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

        var settings = options.Value;
        var feed = new LiveFeed(settings, sink, RestClient, connectionMetrics, feedMetrics, timeProvider, loggers);
        await Task.WhenAll(FlushUntilStoppedAsync(stoppingToken), feed.RunAsync(settings.Symbols, stoppingToken));
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
