using MassTransit;
using Trading.Contracts.Orders;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-order-filled</c>.</summary>
public sealed class OrderFilledConsumer(NotificationDispatcher dispatcher) : IConsumer<OrderFilled>
{
    public Task Consume(ConsumeContext<OrderFilled> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
