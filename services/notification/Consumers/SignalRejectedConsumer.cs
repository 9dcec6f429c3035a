using MassTransit;
using Trading.Contracts.Signals;
using Trading.Notification.Delivery;
using Trading.Notification.Notifications;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-signal-rejected</c>.</summary>
public sealed class SignalRejectedConsumer(NotificationDispatcher dispatcher) : IConsumer<SignalRejected>
{
    public Task Consume(ConsumeContext<SignalRejected> context) =>
        dispatcher.DispatchAsync(NotificationFactory.Create(context.Message, EventIds.Of(context)), context.CancellationToken);
}
