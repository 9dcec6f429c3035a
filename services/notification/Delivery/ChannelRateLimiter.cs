namespace Trading.Notification.Delivery;

/// <summary>
/// When a channel may send next: every <see cref="RateWindow"/> holds (sliding windows over the times of the last sends), and no
/// earlier than a pause the API asked for (429). Pure: times are passed in. One per channel; only the channel's worker uses it.
/// </summary>
public sealed class ChannelRateLimiter(IReadOnlyList<RateWindow> windows)
{
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly int _keep = windows.Count == 0 ? 0 : windows.Max(w => w.Count);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>The earliest time at or after <paramref name="now"/> a message may go.</summary>
    public DateTimeOffset NextSlot(DateTimeOffset now)
    {
        var slot = now > _pausedUntil ? now : _pausedUntil;
        var sent = _sent.ToArray();
        foreach (var window in windows)
        {
            if (sent.Length >= window.Count)
            {
                // The window admits another message once the Count-th latest send has left it.
                var oldestInWindow = sent[^window.Count];
                var free = oldestInWindow + window.Window;
                if (free > slot)
                {
                    slot = free;
                }
            }
        }

        return slot;
    }

    /// <summary>Records a send (an attempt that reached the API) at <paramref name="at"/>.</summary>
    public void Sent(DateTimeOffset at)
    {
        _sent.Enqueue(at);
        while (_sent.Count > _keep)
        {
            _sent.Dequeue();
        }
    }

    /// <summary>The API said to wait: nothing goes before <paramref name="until"/>.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }
}
