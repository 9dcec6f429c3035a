using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-trading-halted</c>.</summary>
public sealed class TradingHaltedConsumer(NotificationDispatcher dispatcher) : IConsumer<TradingHalted>
{
    public Task Consume(ConsumeContext<TradingHalted> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
