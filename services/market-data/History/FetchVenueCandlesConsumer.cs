using MassTransit;
using Trading.Contracts.Candles;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Live;

namespace Trading.MarketData.History;

/// <summary>
/// Answers <see cref="FetchVenueCandles"/> (queue <c>market-data-fetch-venue-candles</c>) with the venue's REST candles; a
/// failure is rethrown, so the requester gets a fault carrying the <see cref="VenueHistoryException"/>'s message.
/// </summary>
public sealed class FetchVenueCandlesConsumer(
    IHttpClientFactory httpClients,
    HistoryRequestPacers pacers,
    TimeProvider timeProvider,
    ILogger<FetchVenueCandlesConsumer> logger) : IConsumer<FetchVenueCandles>
{
    public async Task Consume(ConsumeContext<FetchVenueCandles> context)
    {
        // The named clients carry the REST roots of LiveFeed:KrakenRest and LiveFeed:CoinbaseRest.
        var fetcher = new VenueCandleFetcher(
            new KrakenRestClient(httpClients.CreateClient(LiveFeedService.KrakenRestClientName), pacers.Kraken),
            new CoinbaseRestClient(httpClients.CreateClient(LiveFeedService.CoinbaseRestClientName), pacers.Coinbase),
            timeProvider,
            logger);
        CandleHistory history;
        try
        {
            history = await fetcher.FetchAsync(context.Message, context.CancellationToken);
        }
        catch (VenueHistoryException exception)
        {
            Log.HistoryFetchFailed(logger, exception, exception.Message);
            throw;
        }

        await context.RespondAsync(history);
    }
}
