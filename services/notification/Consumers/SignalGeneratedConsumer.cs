using MassTransit;
using Trading.Contracts.Signals;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-signal-generated</c>.</summary>
public sealed class SignalGeneratedConsumer(NotificationDispatcher dispatcher) : IConsumer<SignalGenerated>
{
    public Task Consume(ConsumeContext<SignalGenerated> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
