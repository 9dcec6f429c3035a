using MassTransit;
using Trading.Contracts.Signals;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-signal-generated</c>: routes the notice to every channel that takes it and counts the event for the reports.</summary>
public sealed class SignalGeneratedConsumer(NotificationRouter router, StatsStore stats, TimeProvider time) : IConsumer<SignalGenerated>
{
    public async Task Consume(ConsumeContext<SignalGenerated> context)
    {
        var eventId = EventIds.Of(context);
        await stats.SeenAsync(eventId, StatsStore.Signal, time.GetUtcNow(), context.CancellationToken);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
