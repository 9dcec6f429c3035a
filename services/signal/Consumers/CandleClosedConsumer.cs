using MassTransit;
using Trading.Contracts.Candles;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Signals;
using Trading.Signal.Warming;

namespace Trading.Signal.Consumers;

/// <summary>Feeds each closed candle of a configured interval to its series' strategies (the partition queues <c>signal-candle-partition-00</c> … <c>-15</c> this instance owns).</summary>
public sealed class CandleClosedConsumer(Outbox outbox, HistoryBackfill backfill, SignalEngine engine, ILogger<CandleClosedConsumer> logger) : IConsumer<CandleClosed>
{
    public async Task Consume(ConsumeContext<CandleClosed> context)
    {
        var message = context.Message;
        if (!engine.RunsOn(message.Interval))
        {
            Log.IntervalNotConfigured(logger, message.Venue, message.Symbol, message.Interval, message.OpenedAt);
            return;
        }

        await backfill.EnsureAsync(message, context.CancellationToken);
        var result = CandleResult.Duplicate;
        try
        {
            await outbox.ConsumeOnceAsync<CandleClosedConsumer>(context, async tx => result = await engine.HandleAsync(message, tx));
        }
        catch
        {
            engine.Discard(message);
            throw;
        }

        engine.Committed(message, result);
    }
}
