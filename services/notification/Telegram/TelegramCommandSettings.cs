using System.Globalization;

namespace Trading.Notification.Telegram;

/// <summary>
/// One Telegram chat that may command the system: what the poller needs of a <see cref="TelegramChannelOptions"/> with
/// <c>Commands = true</c>. The token is a secret: it only ever goes into the request path, never into a log or message.
/// </summary>
public sealed record TelegramCommandSettings
{
    /// <summary>The channel's unique name; logs, the offset table and the audit trail name the chat by it.</summary>
    public required string Channel { get; init; }

    public required string BotToken { get; init; }

    /// <summary>The only chat whose commands are taken: a numeric id, or <c>@username</c> of a public group or channel.</summary>
    public required string ChatId { get; init; }

    public required Uri ApiBase { get; init; }

    /// <summary>How long one request may take, on top of the long poll's own wait.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public static TelegramCommandSettings From(TelegramChannelOptions options) => new()
    {
        Channel = options.Name,
        BotToken = options.BotToken,
        ChatId = options.ChatId.Trim(),
        ApiBase = new Uri(options.ApiBase),
        Timeout = options.Timeout,
    };

    /// <summary>
    /// Whether a message from chat <paramref name="chatId"/> is from this chat. Only a numeric <see cref="ChatId"/> can match: updates
    /// name their chat by number, so a chat configured as <c>@channelname</c> takes no commands.
    /// </summary>
    public bool IsChat(long chatId) =>
        long.TryParse(ChatId, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) && id == chatId;

    public override string ToString() => $"Telegram channel {Channel}";
}
