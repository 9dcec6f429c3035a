using MassTransit;
using Trading.Contracts.Candles;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-candle-closed</c>: counts candles for the status report (no message of its own).</summary>
public sealed class CandleClosedConsumer(StatsStore stats, TimeProvider time) : IConsumer<CandleClosed>
{
    public Task Consume(ConsumeContext<CandleClosed> context) =>
        stats.SeenAsync(EventIds.Of(context), StatsStore.Candle, time.GetUtcNow(), context.CancellationToken);
}
