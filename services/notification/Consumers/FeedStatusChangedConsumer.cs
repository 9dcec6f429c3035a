using MassTransit;
using Trading.Contracts.MarketData;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-feed-status-changed</c>.</summary>
public sealed class FeedStatusChangedConsumer(NotificationDispatcher dispatcher) : IConsumer<FeedStatusChanged>
{
    public Task Consume(ConsumeContext<FeedStatusChanged> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
