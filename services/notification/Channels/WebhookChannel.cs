using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Trading.Notification.Notifications;

namespace Trading.Notification.Channels;

/// <summary>
/// POSTs the notification's JSON to a generic webhook. The request carries <c>Idempotency-Key: &lt;event id&gt;</c> and
/// the payload's <c>event_id</c>: the delivery log is written after the POST, so a crash between the two re-sends the
/// event once, and receivers de-duplicate on that key. The URL is never logged; the channel's name is.
/// </summary>
public sealed class WebhookChannel(WebhookChannelOptions options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider, ILogger<WebhookChannel> logger)
    : INotificationChannel
{
    public const string HttpClientName = "webhook";

    /// <summary>The longest <c>Retry-After</c> we wait for in-process; longer waits go back to the bus's retries.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(30);

    private const int ErrorSampleLength = 200;

    private readonly HashSet<string> _events = new(options.Events, StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = "webhook:" + options.Name;

    /// <summary>
    /// No redirects: following one would turn the POST into a GET or carry the payload to a host nobody configured.
    /// </summary>
    public static HttpMessageHandler CreateHandler() => new SocketsHttpHandler { AllowAutoRedirect = false };

    public bool Wants(string eventName) => _events.Count == 0 || _events.Contains(eventName);

    public async Task<DeliveryResult> DeliverAsync(Notice notification, CancellationToken cancellationToken)
    {
        using var response = await PostAsync(notification, cancellationToken);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return await ClassifyAsync(response, cancellationToken);
        }

        var retryAfter = RetryAfter.Parse(HeaderValue(response, "Retry-After"), timeProvider.GetUtcNow());
        if (retryAfter is not { } wait || wait > MaxRetryAfter)
        {
            throw new TransientDeliveryException(
                $"Webhook '{options.Name}' is rate limited (HTTP 429) without a Retry-After of at most {MaxRetryAfter.TotalSeconds:0} s");
        }

        Log.WebhookRateLimited(logger, options.Name, notification.Event, notification.EventId, wait);
        await Task.Delay(wait, timeProvider, cancellationToken);
        using var retried = await PostAsync(notification, cancellationToken);
        return await ClassifyAsync(retried, cancellationToken);
    }

    private async Task<HttpResponseMessage> PostAsync(Notice notification, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = new StringContent(notification.Json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", notification.EventId.ToString());
        var client = httpClientFactory.CreateClient(HttpClientName);
        client.Timeout = options.Timeout;
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new TransientDeliveryException($"Webhook '{options.Name}' could not be reached ({ex.HttpRequestError})", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TransientDeliveryException($"Webhook '{options.Name}' did not answer within {options.Timeout}", ex);
        }
    }

    private async Task<DeliveryResult> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryResult.Delivered;
        }

        // 408 is the receiver's own timeout: as transient as ours.
        if (status is 408 or 429 or >= 500)
        {
            throw new TransientDeliveryException($"Webhook '{options.Name}' answered HTTP {status}");
        }

        var sample = await BodySampleAsync(response, cancellationToken);
        return DeliveryResult.Failed($"HTTP {status} {response.ReasonPhrase}: {sample}".TrimEnd(' ', ':'));
    }

    private static async Task<string> BodySampleAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[ErrorSampleLength + 1];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        var sample = new string(buffer, 0, Math.Min(read, ErrorSampleLength)).ReplaceLineEndings(" ").Trim();
        return read > ErrorSampleLength ? sample + "…" : sample;
    }

    private static string? HeaderValue(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
