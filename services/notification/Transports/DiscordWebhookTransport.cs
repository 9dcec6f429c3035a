using System.Text;
using System.Text.Json;
using Trading.Notification.Channels;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// Executes a Discord webhook with an already-rendered JSON payload, one HTTP attempt per call. 204 (or 200 with
/// <c>?wait=true</c>) is delivered. 429 is rate limited for the wait the headers name (<c>Retry-After</c>, else
/// <c>X-RateLimit-Reset-After</c>), else the body's <c>retry_after</c>. 408 and 5xx are transient. Every other answer is
/// permanent with Discord's JSON error code and message (10015 unknown webhook, 50006 empty message, 50027 invalid webhook token,
/// 50035 invalid form body with the first offending fields). Error texts never contain the webhook URL or its token.
/// </summary>
public sealed class DiscordWebhookTransport(HttpClient httpClient, SecretRedactor redactor, TimeProvider timeProvider)
{
    /// <summary>The wait when a 429 names none.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    // A 2022 report had webhooks sending the body's retry_after in milliseconds; a value this large is read that way.
    private const double MillisecondsThreshold = 1000;

    private const int MaxFieldErrors = 3;

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

    /// <summary>
    /// The wait a 429 asks for: the <c>Retry-After</c> header (whole seconds, a fraction or an HTTP date), else
    /// <c>X-RateLimit-Reset-After</c> (fractional seconds), else the body's <c>retry_after</c> (fractional seconds, or
    /// milliseconds when above 1000), else <see cref="DefaultRetryAfter"/>; fractions are rounded to whole milliseconds.
    /// </summary>
    public static TimeSpan RateLimitWait(HttpResponseMessage response, string body, DateTimeOffset now)
    {
        var retryAfter = HttpAttempt.Header(response, "Retry-After");
        if (RetryAfter.Parse(retryAfter, now) is { } wait)
        {
            return wait;
        }

        if ((HttpAttempt.ParseSeconds(retryAfter) ?? HttpAttempt.ParseSeconds(HttpAttempt.Header(response, "X-RateLimit-Reset-After"))) is { } seconds)
        {
            return WholeMilliseconds(seconds * 1000);
        }

        using var document = HttpAttempt.TryParseJson(body);
        if (document?.RootElement is { ValueKind: JsonValueKind.Object } root
            && root.TryGetProperty("retry_after", out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetDouble(out var bodySeconds)
            && bodySeconds >= 0)
        {
            return WholeMilliseconds(bodySeconds > MillisecondsThreshold ? bodySeconds : bodySeconds * 1000);
        }

        return DefaultRetryAfter;
    }

    // 64.57 s is 64 570 ms, not the 64 569.9999 ms a double gives.
    private static TimeSpan WholeMilliseconds(double milliseconds) => TimeSpan.FromMilliseconds(Math.Round(milliseconds, MidpointRounding.AwayFromZero));

    private DeliveryOutcome Classify(HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return DeliveryOutcome.Delivered;
        }

        if (status == 429)
        {
            var wait = RateLimitWait(response, body, timeProvider.GetUtcNow());
            var scope = HttpAttempt.Header(response, "X-RateLimit-Scope");
            var detail = scope is null ? "" : $" (scope {scope})";
            return DeliveryOutcome.RateLimited(wait, $"HTTP 429 {ErrorText(body) ?? "rate limited"}{detail}; retry after {HttpAttempt.Seconds(wait)}");
        }

        var error = HttpAttempt.Status(response, ErrorText(body) ?? HttpAttempt.Sample(body));
        return status is 408 or >= 500 ? DeliveryOutcome.Transient(error) : DeliveryOutcome.Permanent(error);
    }

    /// <summary>"50035 Invalid Form Body (embeds.0.title: Must be 256 or fewer in length.)" from Discord's JSON error, or null.</summary>
    private static string? ErrorText(string body)
    {
        using var document = HttpAttempt.TryParseJson(body);
        if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
        {
            return null;
        }

        var code = root.TryGetProperty("code", out var codeValue) && codeValue.ValueKind == JsonValueKind.Number ? codeValue.GetRawText() : null;
        var message = root.TryGetProperty("message", out var messageValue) && messageValue.ValueKind == JsonValueKind.String ? messageValue.GetString() : null;
        if (code is null && message is null)
        {
            return null;
        }

        var fieldErrors = new List<string>();
        if (root.TryGetProperty("errors", out var errors))
        {
            CollectFieldErrors(errors, "", fieldErrors);
        }

        var text = string.Join(' ', new[] { code, message }.Where(part => !string.IsNullOrWhiteSpace(part)));
        return fieldErrors.Count == 0 ? text : $"{text} ({string.Join("; ", fieldErrors)})";
    }

    // Discord nests errors by field path: {"embeds": {"0": {"title": {"_errors": [{"code": ..., "message": ...}]}}}}.
    private static void CollectFieldErrors(JsonElement node, string path, List<string> found)
    {
        if (node.ValueKind != JsonValueKind.Object || found.Count >= MaxFieldErrors)
        {
            return;
        }

        foreach (var property in node.EnumerateObject())
        {
            if (property.Name == "_errors" && property.Value.ValueKind == JsonValueKind.Array)
            {
                foreach (var error in property.Value.EnumerateArray().Take(MaxFieldErrors - found.Count))
                {
                    var message = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var m) ? m.GetString() : null;
                    found.Add($"{(path.Length == 0 ? "body" : path)}: {message ?? "invalid"}");
                }
            }
            else
            {
                CollectFieldErrors(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", found);
            }
        }
    }
}
