namespace Trading.Notification.Notifications;

/// <summary>
/// One event, ready for every channel: a headline, labelled fields and a plain line for humans, a tone and severity for colour
/// and routing, and a JSON payload for machines. The channel renderers (Slack Block Kit, Discord embed, Telegram HTML or
/// MarkdownV2, e-mail, console) all read this one record. (Not called Notification: that is the service's namespace.)
/// </summary>
public sealed record Notice
{
    /// <summary>Kebab-case event name, for example <c>signal-generated</c> (see <see cref="NotificationEvents"/>).</summary>
    public required string Event { get; init; }

    /// <summary>The bus message id (or a deterministic id for reports): the key of the delivery log, the same on every redelivery.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The event's domain time (when the signal was decided, the order filled, ...).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The whole notice as one plain line (console, logs, digests).</summary>
    public required string Text { get; init; }

    /// <summary>The JSON object a generic webhook receives (snake_case properties, decimals as numbers).</summary>
    public required string Json { get; init; }

    /// <summary>The headline, plain text, for example <c>LONG BTC/USD 15m · ema-cross</c>; empty means <see cref="Text"/> stands alone.</summary>
    public string Title { get; init; } = "";

    /// <summary>Labelled values in reading order (Entry, Stop, Target, R:R, …), plain text.</summary>
    public IReadOnlyList<NoticeField> Fields { get; init; } = [];

    /// <summary>Colour of the message: positive (a long, a win), negative (a short, a loss), neutral or alert.</summary>
    public NoticeTone Tone { get; init; } = NoticeTone.Neutral;

    /// <summary>How much the trader needs to see it; channels can require a minimum.</summary>
    public NoticeSeverity Severity { get; init; } = NoticeSeverity.Info;
}
