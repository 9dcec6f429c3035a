using Trading.MarketData.History;
using Trading.ServiceDefaults.Messaging;

namespace Trading.MarketData;

/// <summary>
/// The bus of market-data: it publishes (through the outbox) and answers one request, <c>FetchVenueCandles</c>, on the queue
/// <c>market-data-fetch-venue-candles</c>.
/// </summary>
public static class MarketDataMessaging
{
    public static IHostApplicationBuilder AddMarketDataMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus => bus.AddConsumer<FetchVenueCandlesConsumer>());
}
