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
    /// <param name="resumeFrom">The last published trade per symbol: the feed backfills from it when it first goes live.</param>
    /// <exception cref="UnknownSymbolException">A symbol is not supported on one of the configured venues.</exception>
    public async Task RunAsync(
        IReadOnlyList<string> symbols, CancellationToken cancellationToken, IReadOnlyDictionary<string, FeedCursor>? resumeFrom = null)
    {
        var backfills = new Dictionary<string, ITradeBackfill>(StringComparer.Ordinal)
        {
            [Venues.Kraken] = Retrying(new KrakenTradeBackfill(
                new KrakenRestClient(Rest(Venues.Kraken, settings.KrakenRest), new RequestPacer(KrakenRestClient.DefaultSpacing, timeProvider)), timeProvider)),
            [Venues.Coinbase] = Retrying(new CoinbaseTradeBackfill(
                new CoinbaseRestClient(Rest(Venues.Coinbase, settings.CoinbaseRest), new RequestPacer(CoinbaseRestClient.DefaultSpacing, timeProvider)), timeProvider)),
        };
        await using var supervisor = new FeedSupervisor(
            symbols, settings.VenuePriority, sink, backfills, timeProvider, loggers.CreateLogger<FeedSupervisor>(), feedMetrics, settings.FailbackAfter,
            resumeFrom: resumeFrom);

        var connections = settings.VenuePriority.Select(venue =>
        {
            var reconnect = new ReconnectPolicyOptions { BaseDelay = settings.ReconnectBaseDelay, MaxDelay = settings.ReconnectMaxDelay };
            var connection = new VenueConnection(
                Protocol(venue), new ReconnectPolicy(reconnect, timeProvider), connectionMetrics, timeProvider, loggers.CreateLogger<VenueConnection>());
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

    private ITradeBackfill Retrying(ITradeBackfill backfill) =>
        new RetryingBackfill(backfill, settings.BackfillAttempts, settings.BackfillRetryDelay, timeProvider, loggers.CreateLogger<LiveFeed>());

    // A null silence timeout keeps the protocol's own default, which is derived from the venue's heartbeat interval.
    private IVenueProtocol Protocol(string venue)
    {
        switch (venue)
        {
            case Venues.Kraken:
                var kraken = new KrakenSpotProtocolOptions { Endpoint = settings.KrakenWebSocket };
                return new KrakenSpotProtocol(kraken with { SilenceTimeout = settings.KrakenSilenceTimeout ?? kraken.SilenceTimeout });
            case Venues.Coinbase:
                var coinbase = new CoinbaseProtocolOptions { Endpoint = settings.CoinbaseWebSocket };
                return new CoinbaseProtocol(coinbase with { SilenceTimeout = settings.CoinbaseSilenceTimeout ?? coinbase.SilenceTimeout });
            case Venues.KrakenFutures:
                var futures = new KrakenFuturesProtocolOptions { Endpoint = settings.KrakenFuturesWebSocket };
                return new KrakenFuturesProtocol(futures with { SilenceTimeout = settings.KrakenFuturesSilenceTimeout ?? futures.SilenceTimeout });
            default:
                throw new InvalidOperationException(
                    $"Configuration key '{LiveFeedOptions.Section}:{nameof(LiveFeedOptions.Venues)}' names venue '{venue}', which has no connection.");
        }
    }

    /// <summary>
    /// Tries a backfill again when the venue rate-limits it, is unavailable or cannot be reached: a GET of past trades is
    /// safe to repeat, and without a retry those trades would be reported missing although the venue still has them.
    /// </summary>
    private sealed class RetryingBackfill(ITradeBackfill inner, int attempts, TimeSpan retryDelay, TimeProvider timeProvider, ILogger logger)
        : ITradeBackfill
    {
        // Streamed trades are held back while a backfill runs, so a venue asking for a longer pause gets a gap report instead.
        private static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

        public async Task<BackfillResult> FetchSinceAsync(
            string venue, string venueSymbol, DateTimeOffset since, string? lastTradeId, CancellationToken cancellationToken)
        {
            for (var attempt = 1; ; attempt++)
            {
                TimeSpan wait;
                try
                {
                    return await inner.FetchSinceAsync(venue, venueSymbol, since, lastTradeId, cancellationToken);
                }
                catch (VenueRequestException exception) when (exception.IsRetryable && attempt < attempts && WaitBefore(attempt, exception.RetryAfter) is { } delay)
                {
                    wait = delay;
                    Log.BackfillRetrying(logger, venue, venueSymbol, attempt, wait, exception.Message);
                }
                catch (HttpRequestException exception) when (attempt < attempts && !cancellationToken.IsCancellationRequested)
                {
                    wait = WaitBefore(attempt, null)!.Value;
                    Log.BackfillRetrying(logger, venue, venueSymbol, attempt, wait, exception.Message);
                }

                await Task.Delay(wait, timeProvider, cancellationToken);
            }
        }

        private TimeSpan? WaitBefore(int failedAttempt, TimeSpan? retryAfter)
        {
            if (retryAfter is { } asked)
            {
                return asked <= MaxRetryAfter ? asked : null;
            }

            return retryDelay * Math.Pow(2, failedAttempt - 1);
        }
    }
}
