using System.ComponentModel.DataAnnotations;

namespace Trading.Notification;

/// <summary>One generic JSON webhook (an item of <c>Notification:Webhooks</c>).</summary>
public sealed class WebhookChannelOptions
{
    /// <summary>Unique name; it appears in logs and the delivery log instead of the URL.</summary>
    [Required]
    public string Name { get; set; } = "";

    /// <summary>Absolute http(s) URL the JSON is POSTed to. Treated as a secret: never logged.</summary>
    [Required]
    public string Url { get; set; } = "";

    /// <summary>Event names to send (for example <c>signal-generated</c>); empty sends every event.</summary>
    public string[] Events { get; set; } = [];

    /// <summary>How long one POST may take before it counts as failed (and is retried).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
