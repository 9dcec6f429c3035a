namespace Trading.Notification.Delivery;

/// <summary>Every configured channel, by unique name.</summary>
public sealed class ChannelCatalog
{
    public ChannelCatalog(IEnumerable<NotificationChannel> channels)
    {
        All = [.. channels];
        var twice = All.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Two channels are named {twice.Key}; channel names must be unique.", nameof(channels));
        }
    }

    public IReadOnlyList<NotificationChannel> All { get; }
}
