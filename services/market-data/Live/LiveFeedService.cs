using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Coinbase;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Kraken;
using Trading.MarketData.Exchange.KrakenFutures;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Live;

/// <summary>
/// The live source (<c>MarketData:Source = Live</c>): one WebSocket connection per configured venue, all running as hot
/// standbys, a <see cref="FeedSupervisor"/> that publishes the highest-priority live venue and backfills over REST, and
/// the outbox sink that batches what it publishes. Does nothing when the replay is the source.
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
        var backfills = new Dictionary<string, ITradeBackfill>(StringComparer.Ordinal)
        {
            [Venues.Kraken] = new KrakenTradeBackfill(new KrakenRestClient(httpClients.CreateClient(KrakenRestClientName), new RequestPacer(KrakenRestClient.DefaultSpacing, timeProvider)), timeProvider),
            [Venues.Coinbase] = new CoinbaseTradeBackfill(new CoinbaseRestClient(httpClients.CreateClient(CoinbaseRestClientName), new RequestPacer(CoinbaseRestClient.DefaultSpacing, timeProvider)), timeProvider),
        };
        await using var supervisor = new FeedSupervisor(
            settings.Symbols, settings.VenuePriority, sink, backfills, timeProvider, loggers.CreateLogger<FeedSupervisor>(), feedMetrics, settings.FailbackAfter);

        var connections = settings.VenuePriority.Select(venue =>
        {
            var connection = new VenueConnection(
                Protocol(venue, settings), new ReconnectPolicy(new ReconnectPolicyOptions(), timeProvider), connectionMetrics, timeProvider, loggers.CreateLogger<VenueConnection>());
            var venueSymbols = settings.Symbols.Select(symbol => SymbolMap.Default.ToVenue(venue, symbol)).ToList();
            return connection.RunAsync(venueSymbols, supervisor, stoppingToken);
        });

        await Task.WhenAll([FlushUntilStoppedAsync(stoppingToken), .. connections]);
    }

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

    private static IVenueProtocol Protocol(string venue, LiveFeedOptions settings) => venue switch
    {
        Venues.Kraken => new KrakenSpotProtocol(new KrakenSpotProtocolOptions { Endpoint = settings.KrakenWebSocket }),
        Venues.Coinbase => new CoinbaseProtocol(new CoinbaseProtocolOptions { Endpoint = settings.CoinbaseWebSocket }),
        Venues.KrakenFutures => new KrakenFuturesProtocol(new KrakenFuturesProtocolOptions { Endpoint = settings.KrakenFuturesWebSocket }),
        _ => throw new InvalidOperationException($"Configuration key '{LiveFeedOptions.Section}:{nameof(LiveFeedOptions.Venues)}' names venue '{venue}', which has no connection."),
    };
}
