namespace Trading.Notification;

/// <summary>A Telegram chat reached through a bot (items of <c>Notification:Telegram</c>).</summary>
public sealed class TelegramChannelOptions : ChatChannelOptions
{
    /// <summary>The bot token from BotFather (<c>123456:ABC…</c>). A secret: never logged.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>The chat: a numeric id (groups and channels are negative, up to 52 bits) or <c>@channelname</c>.</summary>
    public string ChatId { get; set; } = "";

    /// <summary>The Bot API base address; a test points it at a local server.</summary>
    public string ApiBase { get; set; } = "https://api.telegram.org";

    /// <summary><c>Html</c> or <c>MarkdownV2</c>.</summary>
    public string ParseMode { get; set; } = "Html";

    /// <summary>
    /// Take commands (<c>/status</c>, <c>/positions</c>, <c>/stats</c>, <c>/stop</c>, <c>/resume</c>, <c>/close</c>, <c>/help</c>) from this
    /// chat, by long polling <c>getUpdates</c>; messages from any other chat are ignored and logged. One bot token may poll once.
    /// </summary>
    public bool Commands { get; set; }
}
