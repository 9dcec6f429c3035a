using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-trading-resumed</c>: routes the notice to every channel that takes it.</summary>
public sealed class TradingResumedConsumer(NotificationRouter router) : IConsumer<TradingResumed>
{
    public async Task Consume(ConsumeContext<TradingResumed> context)
    {
        var eventId = EventIds.Of(context);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
