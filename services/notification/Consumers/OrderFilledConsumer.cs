using MassTransit;
using Trading.Contracts.Orders;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-order-filled</c>: routes the notice to every channel that takes it and counts the event for the reports.</summary>
public sealed class OrderFilledConsumer(NotificationRouter router, StatsStore stats, TimeProvider time) : IConsumer<OrderFilled>
{
    public async Task Consume(ConsumeContext<OrderFilled> context)
    {
        var eventId = EventIds.Of(context);
        await stats.SeenAsync(eventId, StatsStore.Fill, time.GetUtcNow(), context.CancellationToken);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
