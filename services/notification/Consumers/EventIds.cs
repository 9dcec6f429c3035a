using MassTransit;

namespace Trading.Notification.Consumers;

/// <summary>
/// A notification's event id is the bus message id: the outbox publishes every event with a stored id, so it is
/// the same on every redelivery and the delivery log can key on it.
/// </summary>
public static class EventIds
{
    public static Guid Of(ConsumeContext context) =>
        context.MessageId ?? throw new InvalidOperationException("A message without a message id cannot be notified exactly once");
}
