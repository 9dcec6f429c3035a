using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Coinbase;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Kraken;
using Trading.MarketData.Exchange.KrakenFutures;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Live;

/// <summary>
/// The live feed of a set of symbols, wired once for the service, <c>trading record</c> and the acceptance tests: one
/// WebSocket connection per configured venue, all running as hot standbys, and a <see cref="FeedSupervisor"/> that
/// delivers the highest-priority live venue to the sink and backfills over REST.
/// </summary>
/// <param name="restClient">
/// The HTTP client for a venue's REST API, by venue code; the feed sets its base address from the options when the client
/// has none.
/// </param>
public sealed class LiveFeed(
    LiveFeedOptions settings,
    IMarketDataSink sink,
    Func<string, HttpClient> restClient,
    VenueConnectionMetrics connectionMetrics,
    LiveFeedMetrics? feedMetrics,
    TimeProvider timeProvider,
    ILoggerFactory loggers)
{
    /// <summary>Streams <paramref name="symbols"/> until <paramref name="cancellationToken"/> is cancelled, then returns.</summary>
    /// <exception cref="UnknownSymbolException">A symbol is not supported on one of the configured venues.</exception>
    public async Task RunAsync(IReadOnlyList<string> symbols, CancellationToken cancellationToken)
    {
        var backfills = new Dictionary<string, ITradeBackfill>(StringComparer.Ordinal)
        {
            [Venues.Kraken] = new KrakenTradeBackfill(
                new KrakenRestClient(Rest(Venues.Kraken, settings.KrakenRest), new RequestPacer(KrakenRestClient.DefaultSpacing, timeProvider)), timeProvider),
            [Venues.Coinbase] = new CoinbaseTradeBackfill(
                new CoinbaseRestClient(Rest(Venues.Coinbase, settings.CoinbaseRest), new RequestPacer(CoinbaseRestClient.DefaultSpacing, timeProvider)), timeProvider),
        };
        await using var supervisor = new FeedSupervisor(
            symbols, settings.VenuePriority, sink, backfills, timeProvider, loggers.CreateLogger<FeedSupervisor>(), feedMetrics, settings.FailbackAfter);

        var connections = settings.VenuePriority.Select(venue =>
        {
            var connection = new VenueConnection(
                Protocol(venue), new ReconnectPolicy(new ReconnectPolicyOptions(), timeProvider), connectionMetrics, timeProvider, loggers.CreateLogger<VenueConnection>());
            var venueSymbols = symbols.Select(symbol => SymbolMap.Default.ToVenue(venue, symbol)).ToList();
            return connection.RunAsync(venueSymbols, supervisor, cancellationToken);
        });

        await Task.WhenAll(connections);
    }

    private HttpClient Rest(string venue, Uri root)
    {
        var client = restClient(venue);
        client.BaseAddress ??= root;
        return client;
    }

    private IVenueProtocol Protocol(string venue) => venue switch
    {
        Venues.Kraken => new KrakenSpotProtocol(new KrakenSpotProtocolOptions { Endpoint = settings.KrakenWebSocket }),
        Venues.Coinbase => new CoinbaseProtocol(new CoinbaseProtocolOptions { Endpoint = settings.CoinbaseWebSocket }),
        Venues.KrakenFutures => new KrakenFuturesProtocol(new KrakenFuturesProtocolOptions { Endpoint = settings.KrakenFuturesWebSocket }),
        _ => throw new InvalidOperationException($"Configuration key '{LiveFeedOptions.Section}:{nameof(LiveFeedOptions.Venues)}' names venue '{venue}', which has no connection."),
    };
}
