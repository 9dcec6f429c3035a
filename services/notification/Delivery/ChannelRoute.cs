using Trading.Notification.Notifications;

namespace Trading.Notification.Delivery;

/// <summary>Which notices a channel takes, and which of them arrive silently; from its <see cref="ChatChannelOptions"/>.</summary>
public sealed record ChannelRoute
{
    /// <summary>Every event, from Info, none silent.</summary>
    public static ChannelRoute Everything { get; } = new();

    /// <summary>Event names taken; empty takes every event.</summary>
    public IReadOnlySet<string> Events { get; init; } = new HashSet<string>();

    /// <summary>Event names taken but delivered without a sound.</summary>
    public IReadOnlySet<string> Silent { get; init; } = new HashSet<string>();

    /// <summary>Event names never taken.</summary>
    public IReadOnlySet<string> Off { get; init; } = new HashSet<string>();

    /// <summary>The least severity taken.</summary>
    public NoticeSeverity MinSeverity { get; init; } = NoticeSeverity.Info;

    public static ChannelRoute From(ChatChannelOptions options) => new()
    {
        Events = new HashSet<string>(options.Events, StringComparer.OrdinalIgnoreCase),
        Silent = new HashSet<string>(options.Silent, StringComparer.OrdinalIgnoreCase),
        Off = new HashSet<string>(options.Off, StringComparer.OrdinalIgnoreCase),
        MinSeverity = options.MinSeverity,
    };

    /// <summary>Off (null), or on: false for a normal delivery, true for a silent one.</summary>
    public bool? Takes(Notice notice)
    {
        if (Off.Contains(notice.Event) || notice.Severity < MinSeverity || (Events.Count > 0 && !Events.Contains(notice.Event)))
        {
            return null;
        }

        return Silent.Contains(notice.Event);
    }
}
