using Trading.CandleBuilder.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder;

/// <summary>The consumers of candle-builder; it publishes <c>CandleClosed</c> through the outbox.</summary>
public static class CandleBuilderMessaging
{
    public static IHostApplicationBuilder AddCandleBuilderMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<TradesReceivedConsumer>();
        });
}
