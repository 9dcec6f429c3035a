using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-live-performance-deviated</c>: routes the notice to every channel that takes it.</summary>
public sealed class LivePerformanceDeviatedConsumer(NotificationRouter router) : IConsumer<LivePerformanceDeviated>
{
    public async Task Consume(ConsumeContext<LivePerformanceDeviated> context)
    {
        var eventId = EventIds.Of(context);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
