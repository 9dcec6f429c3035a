using MassTransit;
using Trading.Contracts.MarketData;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-feed-status-changed</c>: routes the notice to every channel that takes it.</summary>
public sealed class FeedStatusChangedConsumer(NotificationRouter router) : IConsumer<FeedStatusChanged>
{
    public async Task Consume(ConsumeContext<FeedStatusChanged> context)
    {
        var eventId = EventIds.Of(context);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
