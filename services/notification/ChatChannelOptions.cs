using Trading.Notification.Notifications;

namespace Trading.Notification;

/// <summary>
/// What every chat channel shares: a unique name (logs and the delivery log name the channel by it, never by its URL or token), and
/// its routing: which events it receives, from which severity, and which of them arrive silently.
/// </summary>
public abstract class ChatChannelOptions
{
    /// <summary>Unique name among all channels, for example <c>desk</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Event names the channel receives (see <see cref="NotificationEvents"/>); empty receives every event.</summary>
    public string[] Events { get; set; } = [];

    /// <summary>Event names delivered without a sound or push (Telegram disable_notification, Discord suppress notifications).</summary>
    public string[] Silent { get; set; } = [];

    /// <summary>Event names never sent to the channel, whatever <see cref="Events"/> says.</summary>
    public string[] Off { get; set; } = [];

    /// <summary>The least severity sent: Info (everything), Warning or Critical.</summary>
    public NoticeSeverity MinSeverity { get; set; } = NoticeSeverity.Info;

    /// <summary>How long one request may take before it counts as failed (and is retried with backoff).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
