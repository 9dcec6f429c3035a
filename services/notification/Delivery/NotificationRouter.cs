using Trading.Notification.Notifications;
using Trading.Notification.Persistence;

namespace Trading.Notification.Delivery;

/// <summary>
/// Queues a notice for every channel whose route takes it (once per event and channel, whichever instance consumed it, however often)
/// and wakes those channels' senders.
/// </summary>
public sealed class NotificationRouter(ChannelCatalog channels, DeliveryStore store, DeliverySignal signal, TimeProvider time)
{
    public async Task RouteAsync(Notice notice, CancellationToken cancellationToken)
    {
        var targets = new List<(string, bool)>();
        foreach (var channel in channels.All)
        {
            if (channel.Route.Takes(notice) is { } silent)
            {
                targets.Add((channel.Name, silent));
            }
        }

        foreach (var queued in await store.EnqueueAsync(notice, targets, time.GetUtcNow(), cancellationToken))
        {
            signal.Notify(queued);
        }
    }
}
