using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-signal-approved</c>: routes the notice to every channel that takes it and counts the event for the reports.</summary>
public sealed class SignalApprovedConsumer(NotificationRouter router, StatsStore stats, TimeProvider time) : IConsumer<SignalApproved>
{
    public async Task Consume(ConsumeContext<SignalApproved> context)
    {
        var eventId = EventIds.Of(context);
        await stats.SeenAsync(eventId, StatsStore.Approved, time.GetUtcNow(), context.CancellationToken);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
