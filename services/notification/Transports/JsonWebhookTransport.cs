using System.Text;
using Trading.Notification.Channels;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// POSTs a JSON payload to a generic webhook, one HTTP attempt per call, with <c>Idempotency-Key: &lt;event id&gt;</c> so a
/// receiver can drop the copy a crash between the POST and the delivery log may cause. 2xx is delivered; 429 is rate limited
/// (<c>Retry-After</c>, 1 s when absent); 408 and 5xx are transient; anything else (3xx: redirects are not followed, 4xx) is
/// permanent with the status and a short sample of the body. Error texts never contain the URL.
/// </summary>
public sealed class JsonWebhookTransport(HttpClient httpClient, SecretRedactor redactor, TimeProvider timeProvider)
{
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long one attempt (connect, send, answer) may take before it counts as transient.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public async Task<DeliveryOutcome> SendAsync(Uri url, string json, Guid eventId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", eventId.ToString());
        return await HttpAttempt.DeliverAsync(httpClient, request, Timeout, redactor, Classify, cancellationToken);
    }

    private DeliveryOutcome Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Delivered;
        }

        if (status == 429)
        {
            var wait = RetryAfter.Parse(HttpAttempt.Header(response, "Retry-After"), timeProvider.GetUtcNow()) ?? DefaultRetryAfter;
            return DeliveryOutcome.RateLimited(wait, $"HTTP 429 rate limited; retry after {HttpAttempt.Seconds(wait)}");
        }

        var sample = HttpAttempt.Sample(body);
        var error = sample.Length == 0
            ? HttpAttempt.Status(response, null)
            : $"{HttpAttempt.Status(response, null)}: {sample}";
        return status is 408 or >= 500 ? DeliveryOutcome.Transient(error) : DeliveryOutcome.Permanent(error);
    }
}
