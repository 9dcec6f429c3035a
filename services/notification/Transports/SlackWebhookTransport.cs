using System.Text;
using Trading.Notification.Channels;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// POSTs an already-rendered Block Kit (or text) payload to a Slack incoming webhook, one HTTP attempt per call. Slack answers
/// 200 with the plain body <c>ok</c>, and anything else is a failure carrying a bare error string: 429 is rate limited
/// (<c>Retry-After</c> seconds, 1 s when absent), 408 and 5xx (<c>rollup_error</c>) are transient, every other answer, a 2xx
/// with another body included, is permanent (<c>invalid_payload</c>, <c>action_prohibited</c>, <c>invalid_token</c>,
/// <c>channel_not_found</c>, <c>no_service</c>, <c>channel_is_archived</c>). Error texts never contain the webhook URL.
/// </summary>
public sealed class SlackWebhookTransport(HttpClient httpClient, SecretRedactor redactor, TimeProvider timeProvider)
{
    /// <summary>The wait when a 429 names none: Slack allows about one message per second per webhook.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt (connect, send, answer) may take before it counts as transient.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<DeliveryOutcome> SendAsync(Uri webhook, string json, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        return await HttpAttempt.DeliverAsync(httpClient, request, Timeout, redactor, Classify, cancellationToken);
    }

    private DeliveryOutcome Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        var error = HttpAttempt.Status(response, HttpAttempt.Sample(body));
        if (status == 200 && body.Trim() == "ok")
        {
            return DeliveryOutcome.Delivered;
        }

        if (status == 429)
        {
            var wait = RetryAfter.Parse(HttpAttempt.Header(response, "Retry-After"), timeProvider.GetUtcNow()) ?? DefaultRetryAfter;
            return DeliveryOutcome.RateLimited(wait, $"HTTP 429 rate limited; retry after {HttpAttempt.Seconds(wait)}");
        }

        return status is 408 or >= 500 ? DeliveryOutcome.Transient(error) : DeliveryOutcome.Permanent(error);
    }
}
