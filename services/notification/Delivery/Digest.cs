using System.Globalization;
using Trading.Notification.Notifications;
using Trading.ServiceDefaults;

namespace Trading.Notification.Delivery;

/// <summary>
/// Folds a burst of notices waiting for one channel into one message, so a burst is never dropped and never floods the chat: one field
/// per folded notice (its title or event, and its line), oldest first; the digest is as severe as its most severe notice.
/// </summary>
public static class Digest
{
    public const string Event = "digest";

    /// <param name="channel">The channel's name (part of the digest's id).</param>
    /// <param name="notices">The folded notices, oldest first; at least two.</param>
    public static Notice Of(string channel, IReadOnlyList<Notice> notices)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(notices.Count, 2);
        var first = notices[0];
        var last = notices[^1];
        var title = string.Create(CultureInfo.InvariantCulture, $"{notices.Count} notifications, {first.OccurredAt:HH:mm:ss} to {last.OccurredAt:HH:mm:ss} UTC");
        return new Notice
        {
            Event = Event,
            EventId = DeterministicGuid.Create($"digest|{channel}|{first.EventId:D}|{notices.Count}"),
            OccurredAt = last.OccurredAt,
            Title = title,
            Text = title + ": " + string.Join(" | ", notices.Select(n => n.Text)),
            Json = System.Text.Json.JsonSerializer.Serialize(new
            {
                @event = Event,
                count = notices.Count,
                events = notices.Select(n => System.Text.Json.JsonDocument.Parse(n.Json).RootElement).ToArray(),
            }),
            Fields = [.. notices.Select(n => new NoticeField(string.IsNullOrEmpty(n.Title) ? n.Event : n.Title, n.Text, Inline: false))],
            Tone = notices.Any(n => n.Tone == NoticeTone.Alert) ? NoticeTone.Alert : NoticeTone.Neutral,
            Severity = notices.Max(n => n.Severity),
        };
    }
}
