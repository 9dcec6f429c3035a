namespace Trading.Notification.Transports;

/// <summary>
/// One update from Telegram's <c>getUpdates</c>. Only new messages are asked for; an update of another kind still comes with its
/// id (the next offset must pass it) and null message fields.
/// </summary>
public sealed record TelegramUpdate
{
    /// <summary>The update's id; the next <c>getUpdates</c> offset is the highest id seen plus one.</summary>
    public required long UpdateId { get; init; }

    /// <summary>The chat the message was written in (negative for groups and channels).</summary>
    public long? ChatId { get; init; }

    /// <summary>The Telegram user who wrote it.</summary>
    public long? FromUserId { get; init; }

    /// <summary>The user's @username without the @, when they have one.</summary>
    public string? FromUsername { get; init; }

    public string? Text { get; init; }

    /// <summary>When the message was sent (Telegram's <c>date</c>, whole seconds).</summary>
    public DateTimeOffset? SentAt { get; init; }
}
