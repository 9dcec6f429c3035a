using MassTransit;
using Trading.Contracts.Orders;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-position-closed</c>: routes the notice and keeps the result for the daily summary.</summary>
public sealed class PositionClosedConsumer(NotificationRouter router, StatsStore stats) : IConsumer<PositionClosed>
{
    public async Task Consume(ConsumeContext<PositionClosed> context)
    {
        await stats.AddClosedAsync(context.Message, context.CancellationToken);
        await router.RouteAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
    }
}
