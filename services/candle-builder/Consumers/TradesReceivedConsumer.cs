using MassTransit;
using Trading.CandleBuilder.Candles;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.Consumers;

/// <summary>Feeds a batch of trades into the candle series of its market (queue <c>candle-builder-trades-received</c>).</summary>
public sealed class TradesReceivedConsumer(Outbox outbox, CandleSeriesProcessor processor) : IConsumer<TradesReceived>
{
    public Task Consume(ConsumeContext<TradesReceived> context) =>
        outbox.ConsumeOnceAsync<TradesReceivedConsumer>(context, tx => processor.ApplyTradesAsync(context.Message, tx));
}
