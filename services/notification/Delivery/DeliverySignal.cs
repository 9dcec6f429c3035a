using System.Collections.Concurrent;

namespace Trading.Notification.Delivery;

/// <summary>Wakes a channel's sender as soon as something is queued for it, so a notice does not wait for a poll.</summary>
public sealed class DeliverySignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _channels = new(StringComparer.Ordinal);

    public void Notify(string channel)
    {
        var semaphore = Of(channel);
        if (semaphore.CurrentCount == 0)
        {
            try
            {
                semaphore.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already woken.
            }
        }
    }

    public Task<bool> WaitAsync(string channel, TimeSpan timeout, CancellationToken cancellationToken) =>
        Of(channel).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Of(string channel) => _channels.GetOrAdd(channel, _ => new SemaphoreSlim(0, 1));
}
