namespace Trading.Notification;

/// <summary>One generic JSON webhook (items of <c>Notification:Webhooks</c>): the roadmap's JSON export shape, with an Idempotency-Key.</summary>
public sealed class WebhookChannelOptions : ChatChannelOptions
{
    /// <summary>Absolute http(s) URL the JSON is POSTed to. A secret: never logged.</summary>
    public string Url { get; set; } = "";

    /// <summary>Most requests per second to it.</summary>
    public int PerSecond { get; set; } = 20;
}
