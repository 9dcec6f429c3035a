using MassTransit;
using Trading.CandleBuilder.Candles;
using Trading.CandleBuilder.WarmUp;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.Consumers;

/// <summary>
/// Feeds a batch of trades into the candle series of its market (the trade partition queues). Batches wait until the warm-up has
/// stored the history, so the gap of a downtime is filled with the venue's candles, not with flat ones.
/// </summary>
public sealed class TradesReceivedConsumer(Outbox outbox, CandleSeriesProcessor processor, CandleWarmUpStatus warmUp) : IConsumer<TradesReceived>
{
    public async Task Consume(ConsumeContext<TradesReceived> context)
    {
        await warmUp.WhenFinished(context.CancellationToken);
        await outbox.ConsumeOnceAsync<TradesReceivedConsumer>(context, tx => processor.ApplyTradesAsync(context.Message, tx));
    }
}
