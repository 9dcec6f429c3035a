namespace Trading.Notification;

/// <summary>A Discord webhook (items of <c>Notification:Discord</c>): one embed per message, 5 per 2 s and 30 per minute.</summary>
public sealed class DiscordChannelOptions : ChatChannelOptions
{
    /// <summary><c>https://discord.com/api/webhooks/{id}/{token}</c>. A secret: never logged.</summary>
    public string WebhookUrl { get; set; } = "";
}
