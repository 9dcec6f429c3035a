using Trading.Notification.Notifications;

namespace Trading.Notification.Channels;

/// <summary>
/// Somewhere a notification goes. <see cref="DeliverAsync"/> returns the outcome of a permanent result (delivered, or
/// refused for good) and throws for a transient failure, so the message is retried.
/// </summary>
public interface INotificationChannel
{
    /// <summary>Unique key of the channel in the delivery log, for example <c>console</c> or <c>webhook:ops</c>.</summary>
    string Name { get; }

    bool Wants(string eventName);

    Task<DeliveryResult> DeliverAsync(Notice notification, CancellationToken cancellationToken);
}
