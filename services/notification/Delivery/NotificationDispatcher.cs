using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Trading.Notification.Channels;
using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Delivery;

/// <summary>
/// Delivers a notification to every channel that wants it, at most once per channel: the delivery log is checked
/// first, the channel is called outside any transaction, and the outcome is recorded right after.
/// A transient failure of one channel does not hold up the others; it is rethrown at the end so the bus retries
/// the message, and the channels that already succeeded are skipped then.
/// </summary>
public sealed class NotificationDispatcher(
    NotificationChannels channels,
    DeliveryStore store,
    NotificationMetrics metrics,
    TimeProvider timeProvider,
    ILogger<NotificationDispatcher> logger)
{
    public async Task DispatchAsync(Notice notification, CancellationToken cancellationToken)
    {
        var failures = new List<Exception>();
        foreach (var channel in channels.For(notification.Event))
        {
            if (await store.IsDeliveredAsync(notification.EventId, channel.Name, cancellationToken))
            {
                Log.AlreadyDelivered(logger, notification.Event, notification.EventId, channel.Name);
                continue;
            }

            DeliveryResult result;
            try
            {
                result = await channel.DeliverAsync(notification, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Recorded as 'failed' so the log shows the attempt; only 'delivered' stops a later try.
                await store.RecordAsync(notification, channel.Name, DeliveryResult.Failed(ex.Message), timeProvider.GetUtcNow(), cancellationToken);
                metrics.Delivery(channel.Name, notification.Event, "transient");
                Log.DeliveryTransientFailure(logger, notification.Event, notification.EventId, channel.Name, ex.Message);
                failures.Add(ex);
                continue;
            }

            await store.RecordAsync(notification, channel.Name, result, timeProvider.GetUtcNow(), cancellationToken);
            if (result.IsDelivered)
            {
                metrics.Delivery(channel.Name, notification.Event, "delivered");
                Log.Delivered(logger, notification.Event, notification.EventId, channel.Name);
            }
            else
            {
                metrics.Delivery(channel.Name, notification.Event, "failed");
                Log.DeliveryRefused(logger, notification.Event, notification.EventId, channel.Name, result.Error ?? "");
            }
        }

        if (failures.Count == 1)
        {
            ExceptionDispatchInfo.Throw(failures[0]);
        }

        if (failures.Count > 1)
        {
            throw new AggregateException($"{failures.Count} channels failed to deliver {notification.Event} {notification.EventId}", failures);
        }
    }
}
