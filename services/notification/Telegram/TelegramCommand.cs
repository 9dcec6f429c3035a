namespace Trading.Notification.Telegram;

/// <summary>A parsed command: its name in lower case without the slash (<c>status</c>) and the rest of the line, trimmed.</summary>
public sealed record TelegramCommand(string Name, string Arguments);
