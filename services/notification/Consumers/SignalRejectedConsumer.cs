using MassTransit;
using Trading.Contracts.Signals;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-signal-rejected</c>: routes the notice to every channel that takes it and counts the event for the reports.</summary>
public sealed class SignalRejectedConsumer(NotificationRouter router, StatsStore stats, TimeProvider time) : IConsumer<SignalRejected>
{
    public async Task Consume(ConsumeContext<SignalRejected> context)
    {
        var eventId = EventIds.Of(context);
        await stats.SeenAsync(eventId, StatsStore.Rejected, time.GetUtcNow(), context.CancellationToken);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
