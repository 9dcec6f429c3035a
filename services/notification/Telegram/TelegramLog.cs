using Microsoft.Extensions.Logging;

namespace Trading.Notification.Telegram;

/// <summary>Log messages of the Telegram command poller. Chats appear by channel name and chat id, never with the bot token.</summary>
internal static partial class TelegramLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel {Channel}: taking commands from chat {ChatId}, from update {Offset}")]
    public static partial void Polling(ILogger logger, string channel, string chatId, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram channel {Channel}: ignored a message from chat {ChatId} (from @{From}), which may not command; only chat {AllowedChatId} may")]
    public static partial void OtherChatIgnored(ILogger logger, string channel, long chatId, string? from, string allowedChatId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram channel {Channel}: the reply to update {UpdateId} was refused for good: {Error}")]
    public static partial void ReplyRefused(ILogger logger, string channel, long updateId, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel {Channel}: /{Command} from @{From} (update {UpdateId})")]
    public static partial void CommandReceived(ILogger logger, string channel, string command, string? from, long updateId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram channel {Channel}: polling failed, trying again in {Delay}: {Error}")]
    public static partial void PollFailed(ILogger logger, string channel, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram channel {Channel}: unexpected failure, trying again in {Delay}")]
    public static partial void PollCrashed(ILogger logger, string channel, TimeSpan delay, Exception exception);
}
