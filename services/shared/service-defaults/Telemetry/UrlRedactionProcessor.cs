using System.Diagnostics;
using OpenTelemetry;

namespace Trading.ServiceDefaults.Telemetry;

/// <summary>
/// Cuts outbound HTTP spans' URLs down to scheme, host and port before export. Webhook and bot URLs carry their
/// secret in the path (Slack, Discord, Telegram), and .NET's HttpClient span redacts only the query string.
/// </summary>
public sealed class UrlRedactionProcessor : BaseProcessor<Activity>
{
    private const string UrlTag = "url.full";

    public override void OnEnd(Activity data)
    {
        if (data.Kind == ActivityKind.Client && data.GetTagItem(UrlTag) is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            data.SetTag(UrlTag, uri.GetLeftPart(UriPartial.Authority) + "/[redacted]");
        }
    }
}
