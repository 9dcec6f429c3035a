using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// One HTTP request with a deadline, what the transports share. Failures before an answer (timeout, refused connection, broken
/// stream) are described from the error kind, never from the exception's message, which may echo the request URI.
/// </summary>
internal static class HttpAttempt
{
    /// <summary>Longest error body sample in an outcome's error text.</summary>
    public const int SampleLength = 200;

    // Chat APIs answer in a few hundred bytes; a larger body is cut so a misbehaving server cannot fill memory.
    private const int MaxBodyChars = 64 * 1024;

    /// <summary>Sends <paramref name="request"/> once; the answer is classified by <paramref name="classify"/>; every error text is redacted.</summary>
    public static Task<DeliveryOutcome> DeliverAsync(
        HttpClient client,
        HttpRequestMessage request,
        TimeSpan timeout,
        SecretRedactor redactor,
        Func<HttpResponseMessage, string, DeliveryOutcome> classify,
        CancellationToken cancellationToken) =>
        ExchangeAsync(
            client,
            request,
            timeout,
            (response, body) => Redacted(classify(response, body), redactor),
            failure => DeliveryOutcome.Transient(redactor.Redact(failure)),
            cancellationToken);

    /// <summary>
    /// Sends <paramref name="request"/> once and hands the answer (status, headers and body read within the deadline) to
    /// <paramref name="onAnswer"/>, or a description of what went wrong to <paramref name="onFailure"/>. Cancellation by the
    /// caller is not a failure: it throws.
    /// </summary>
    public static async Task<T> ExchangeAsync<T>(
        HttpClient client,
        HttpRequestMessage request,
        TimeSpan timeout,
        Func<HttpResponseMessage, string, T> onAnswer,
        Func<string, T> onFailure,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var body = await ReadBodyAsync(response, deadline.Token);
            return onAnswer(response, body);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline or HttpClient.Timeout, whichever came first.
            return onFailure($"no answer within {Seconds(timeout)}");
        }
        catch (HttpRequestException ex)
        {
            return onFailure(Describe(ex));
        }
        catch (IOException ex)
        {
            return onFailure($"the connection broke while reading the answer ({SocketErrorOf(ex) ?? "I/O error"})");
        }
    }

    /// <summary>"HTTP 404 channel_not_found", or the reason phrase when the detail is empty.</summary>
    public static string Status(HttpResponseMessage response, string? detail)
    {
        var text = string.IsNullOrWhiteSpace(detail) ? response.ReasonPhrase : detail;
        return string.IsNullOrWhiteSpace(text) ? $"HTTP {(int)response.StatusCode}" : $"HTTP {(int)response.StatusCode} {text.Trim()}";
    }

    /// <summary>The start of a body, on one line, cut with "…".</summary>
    public static string Sample(string body)
    {
        var line = body.ReplaceLineEndings(" ").Trim();
        return line.Length > SampleLength ? line[..SampleLength] + "…" : line;
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    /// <summary>A non-negative, finite number of seconds such as <c>64.57</c>; null otherwise.</summary>
    public static double? ParseSeconds(string? text) =>
        double.TryParse(text?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? value
            : null;

    /// <summary>The body as a JSON document, or null when it is not JSON (a proxy's HTML page, an empty body).</summary>
    public static JsonDocument? TryParseJson(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Seconds(TimeSpan wait) => $"{wait.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    private static DeliveryOutcome Redacted(DeliveryOutcome outcome, SecretRedactor redactor) =>
        outcome.Error is null ? outcome : outcome with { Error = redactor.Redact(outcome.Error) };

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[MaxBodyChars];
        var read = await reader.ReadBlockAsync(buffer, cancellationToken);
        return new string(buffer, 0, read);
    }

    private static string Describe(HttpRequestException ex)
    {
        var what = ex.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.ConnectionError => "could not connect",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.HttpProtocolError or HttpRequestError.InvalidResponse => "the answer was not valid HTTP",
            HttpRequestError.ResponseEnded => "the connection closed before the answer",
            HttpRequestError.ProxyTunnelError => "the proxy tunnel failed",
            HttpRequestError.ConfigurationLimitExceeded => "the answer exceeded a configured limit",
            _ => "the request failed",
        };
        return SocketErrorOf(ex) is { } socketError ? $"{what} ({socketError})" : what;
    }

    private static string? SocketErrorOf(Exception ex)
    {
        for (var inner = ex.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode.ToString();
            }
        }

        return null;
    }
}
