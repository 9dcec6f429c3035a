using Trading.Notification.Transports;

namespace Trading.Notification.Telegram;

/// <summary>
/// The Telegram channels that take commands (<c>Commands = true</c>), each polled by <see cref="TelegramCommandPoller"/>, with the
/// Bot API transport of each (its timeout is the channel's).
/// </summary>
public sealed class TelegramCommandChannels
{
    private readonly Dictionary<string, TelegramBotTransport> _transports;

    public TelegramCommandChannels(IReadOnlyList<TelegramCommandSettings> all, HttpClient httpClient, TimeProvider timeProvider)
    {
        All = all;
        var redactor = new SecretRedactor(all.Select(c => c.BotToken));
        _transports = all.ToDictionary(
            c => c.Channel,
            c => new TelegramBotTransport(httpClient, redactor, timeProvider) { Timeout = c.Timeout },
            StringComparer.Ordinal);
    }

    public IReadOnlyList<TelegramCommandSettings> All { get; }

    public TelegramBotTransport TransportOf(TelegramCommandSettings settings) => _transports[settings.Channel];
}
