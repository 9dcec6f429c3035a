using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-trading-resumed</c>.</summary>
public sealed class TradingResumedConsumer(NotificationDispatcher dispatcher) : IConsumer<TradingResumed>
{
    public Task Consume(ConsumeContext<TradingResumed> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
