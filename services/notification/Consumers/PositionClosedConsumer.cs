using MassTransit;
using Trading.Contracts.Orders;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-position-closed</c>.</summary>
public sealed class PositionClosedConsumer(NotificationDispatcher dispatcher) : IConsumer<PositionClosed>
{
    public Task Consume(ConsumeContext<PositionClosed> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
