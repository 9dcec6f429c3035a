namespace Trading.Notification.Delivery;

/// <summary>At most <see cref="Count"/> messages in any <see cref="Window"/>: one limit of a chat API.</summary>
public sealed record RateWindow(int Count, TimeSpan Window)
{
    /// <summary>Slack incoming webhooks: about one message per second.</summary>
    public static IReadOnlyList<RateWindow> Slack { get; } = [new(1, TimeSpan.FromSeconds(1))];

    /// <summary>Discord webhooks: 5 per 2 s and 30 per minute per channel.</summary>
    public static IReadOnlyList<RateWindow> Discord { get; } = [new(5, TimeSpan.FromSeconds(2)), new(30, TimeSpan.FromMinutes(1))];

    /// <summary>Telegram: one message per second in a chat.</summary>
    public static IReadOnlyList<RateWindow> TelegramChat { get; } = [new(1, TimeSpan.FromSeconds(1))];

    /// <summary>Telegram groups (negative chat ids): also at most 20 per minute.</summary>
    public static IReadOnlyList<RateWindow> TelegramGroup { get; } = [new(1, TimeSpan.FromSeconds(1)), new(20, TimeSpan.FromMinutes(1))];
}
