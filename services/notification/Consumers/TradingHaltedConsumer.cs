using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-trading-halted</c>: routes the notice to every channel that takes it.</summary>
public sealed class TradingHaltedConsumer(NotificationRouter router) : IConsumer<TradingHalted>
{
    public async Task Consume(ConsumeContext<TradingHalted> context)
    {
        var eventId = EventIds.Of(context);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
