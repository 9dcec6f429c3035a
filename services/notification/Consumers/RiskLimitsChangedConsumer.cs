using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-risk-limits-changed</c>: routes the notice to every channel that takes it.</summary>
public sealed class RiskLimitsChangedConsumer(NotificationRouter router) : IConsumer<RiskLimitsChanged>
{
    public async Task Consume(ConsumeContext<RiskLimitsChanged> context)
    {
        var eventId = EventIds.Of(context);
        await router.RouteAsync(NotificationFactory.Create(context.Message, eventId), context.CancellationToken);
    }
}
