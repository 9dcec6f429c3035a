using MassTransit;
using Trading.CandleBuilder.Consumers;
using Trading.CandleBuilder.Partitioning;
using Trading.CandleBuilder.WarmUp;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder;

/// <summary>
/// The consumers of candle-builder; it publishes <c>CandleClosed</c> through the outbox. Trades arrive on one queue per trade
/// partition (<c>candle-builder-trade-partition-00</c> … <c>-15</c>); this instance consumes the partitions it owns, each as the
/// single active consumer, one batch at a time, so each market's batches are applied in the order they were published.
/// </summary>
public static class CandleBuilderMessaging
{
    public static IHostApplicationBuilder AddCandleBuilderMessaging(this IHostApplicationBuilder builder)
    {
        // Before the bus: the partition queues and bindings must exist when consuming starts.
        builder.Services.AddPartitionTopology(TradePartitionQueues.Trades);
        return builder.AddMessaging(
            bus =>
            {
                bus.AddConsumer<TradesReceivedConsumer>().ExcludeFromConfigureEndpoints();
                CandleWarmUpRegistration.AddWarmUpConsumers(bus);
            },
            (context, rabbit) => rabbit.ReceivePartitions<TradesReceived, TradesReceivedConsumer>(context, TradePartitionQueues.Trades));
    }
}
