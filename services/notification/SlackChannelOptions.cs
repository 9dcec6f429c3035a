namespace Trading.Notification;

/// <summary>A Slack incoming webhook (items of <c>Notification:Slack</c>): Block Kit messages, about one per second.</summary>
public sealed class SlackChannelOptions : ChatChannelOptions
{
    /// <summary><c>https://hooks.slack.com/services/T…/B…/…</c>. A secret: never logged.</summary>
    public string WebhookUrl { get; set; } = "";
}
