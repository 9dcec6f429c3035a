using Trading.ServiceDefaults.Messaging;

namespace Trading.MarketData;

/// <summary>The bus of market-data: it only publishes (through the outbox), so it registers no consumer.</summary>
public static class MarketDataMessaging
{
    public static IHostApplicationBuilder AddMarketDataMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(_ => { });
}
