using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Notification.Channels;
using Trading.Notification.Delivery;

namespace Trading.Notification.Transports;

/// <summary>
/// The Telegram Bot API: <c>sendMessage</c> (one HTTP attempt per call, classified into a <see cref="DeliveryOutcome"/>) and
/// <c>getUpdates</c> long polling for commands. Telegram always answers a JSON envelope with <c>ok</c>; a failure carries
/// <c>error_code</c> (equal to the HTTP status), <c>description</c> and, on flood control, <c>parameters.retry_after</c>.
/// sendMessage: <c>ok:true</c> is delivered; 429 is rate limited; 408 and 5xx are transient; everything else (400 chat not
/// found or can't parse entities, 401 unauthorized, 403 blocked, 404 no such bot) is permanent with Telegram's description.
/// The token is part of the URL path, so every error text and exception message is redacted.
/// </summary>
public sealed class TelegramBotTransport(HttpClient httpClient, SecretRedactor redactor, TimeProvider timeProvider)
{
    /// <summary>The wait when a 429 names none (Telegram's guideline is about one message per second per chat).</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    /// <summary>How long one sendMessage may take; a getUpdates may take this much longer than its long-poll timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// POSTs <c>{chat_id, text, parse_mode, disable_notification}</c> to <c>{apiBase}/bot{token}/sendMessage</c>. <paramref name="chatId"/>
    /// goes as a number when it is one (ids need up to 52 bits), else as the <c>@channelname</c> string. <paramref name="parseMode"/>
    /// is sent as Telegram spells it (<c>HTML</c>, <c>MarkdownV2</c>, <c>Markdown</c>, in any case here); empty sends plain text.
    /// </summary>
    public async Task<DeliveryOutcome> SendMessageAsync(
        Uri apiBase, string token, string chatId, string text, string parseMode, bool silent, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["chat_id"] = ChatIdNode(chatId),
            ["text"] = text,
        };
        if (NormaliseParseMode(parseMode) is { } mode)
        {
            payload["parse_mode"] = mode;
        }

        payload["disable_notification"] = silent;
        using var request = Post(apiBase, token, "sendMessage", payload);
        return await HttpAttempt.DeliverAsync(httpClient, request, Timeout, redactor, ClassifySend, cancellationToken);
    }

    /// <summary>
    /// Long polls <c>getUpdates</c> for new messages from <paramref name="offset"/> on (Telegram forgets every update below it),
    /// waiting up to <paramref name="longPollTimeout"/> (whole seconds) for one to arrive; an empty list when none did.
    /// Throws <see cref="TelegramApiException"/> (redacted) for an error answer, a timeout or a connection failure, and
    /// <see cref="OperationCanceledException"/> when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public async Task<IReadOnlyList<TelegramUpdate>> GetUpdatesAsync(
        Uri apiBase, string token, long offset, TimeSpan longPollTimeout, CancellationToken cancellationToken)
    {
        var payload = new JsonObject
        {
            ["offset"] = offset,
            ["timeout"] = (long)Math.Max(0, Math.Ceiling(longPollTimeout.TotalSeconds)),
            ["allowed_updates"] = new JsonArray("message"),
        };
        using var request = Post(apiBase, token, "getUpdates", payload);
        return await HttpAttempt.ExchangeAsync(
            httpClient,
            request,
            longPollTimeout + Timeout,
            ReadUpdates,
            failure => throw new TelegramApiException(null, redactor.Redact(failure), null),
            cancellationToken);
    }

    /// <summary><c>HTML</c>, <c>MarkdownV2</c> or <c>Markdown</c> as Telegram spells them; null for plain text.</summary>
    public static string? NormaliseParseMode(string? parseMode) => parseMode?.Trim().ToUpperInvariant() switch
    {
        null or "" or "NONE" => null,
        "HTML" => "HTML",
        "MARKDOWNV2" => "MarkdownV2",
        "MARKDOWN" => "Markdown",
        _ => throw new ArgumentException($"Unknown Telegram parse mode '{parseMode}'; use HTML, MarkdownV2 or Markdown.", nameof(parseMode)),
    };

    private static JsonNode ChatIdNode(string chatId) =>
        long.TryParse(chatId.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(chatId.Trim());

    private static HttpRequestMessage Post(Uri apiBase, string token, string method, JsonObject payload) =>
        new(HttpMethod.Post, new Uri($"{apiBase.AbsoluteUri.TrimEnd('/')}/bot{token}/{method}"))
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };

    private DeliveryOutcome ClassifySend(HttpResponseMessage response, string body)
    {
        var answer = Answer.Read(response, body);
        if (answer.Ok)
        {
            return DeliveryOutcome.Delivered;
        }

        var error = HttpAttempt.Status(response, answer.Describe());
        if ((int)response.StatusCode == 429 || answer.ErrorCode == 429)
        {
            var wait = answer.RetryAfter
                ?? RetryAfter.Parse(HttpAttempt.Header(response, "Retry-After"), timeProvider.GetUtcNow())
                ?? DefaultRetryAfter;
            return DeliveryOutcome.RateLimited(wait, $"{error}; retry after {HttpAttempt.Seconds(wait)}");
        }

        return (int)response.StatusCode is 408 or >= 500 || answer.ErrorCode >= 500
            ? DeliveryOutcome.Transient(error)
            : DeliveryOutcome.Permanent(error);
    }

    private IReadOnlyList<TelegramUpdate> ReadUpdates(HttpResponseMessage response, string body)
    {
        var answer = Answer.Read(response, body);
        if (!answer.Ok || answer.Result is not { ValueKind: JsonValueKind.Array } result)
        {
            var retryAfter = answer.RetryAfter
                ?? ((int)response.StatusCode == 429 ? RetryAfter.Parse(HttpAttempt.Header(response, "Retry-After"), timeProvider.GetUtcNow()) : null);
            throw new TelegramApiException(answer.ErrorCode ?? (int)response.StatusCode, redactor.Redact(answer.Describe()), retryAfter);
        }

        return [.. result.EnumerateArray().Select(ReadUpdate)];
    }

    private static TelegramUpdate ReadUpdate(JsonElement update)
    {
        var id = update.GetProperty("update_id").GetInt64();
        if (!update.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return new TelegramUpdate { UpdateId = id };
        }

        var from = message.TryGetProperty("from", out var user) && user.ValueKind == JsonValueKind.Object ? user : (JsonElement?)null;
        return new TelegramUpdate
        {
            UpdateId = id,
            ChatId = message.TryGetProperty("chat", out var chat) && chat.TryGetProperty("id", out var chatId) ? chatId.GetInt64() : null,
            FromUserId = from?.TryGetProperty("id", out var userId) == true ? userId.GetInt64() : null,
            FromUsername = from?.TryGetProperty("username", out var username) == true ? username.GetString() : null,
            Text = message.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null,
            SentAt = message.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeSeconds(date.GetInt64())
                : null,
        };
    }

    /// <summary>Telegram's envelope; a body that is not one (a proxy's error page) reads as a failure described by its sample.</summary>
    private sealed record Answer(bool Ok, int? ErrorCode, string? Description, TimeSpan? RetryAfter, long? MigrateToChatId, JsonElement? Result, string Sample)
    {
        public static Answer Read(HttpResponseMessage response, string body)
        {
            using var document = HttpAttempt.TryParseJson(body);
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return new Answer(false, null, null, null, null, null, HttpAttempt.Sample(body));
            }

            var ok = root.TryGetProperty("ok", out var okValue) && okValue.ValueKind == JsonValueKind.True && response.IsSuccessStatusCode;
            var errorCode = root.TryGetProperty("error_code", out var code) && code.TryGetInt32(out var number) ? number : (int?)null;
            var description = root.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            TimeSpan? retryAfter = null;
            long? migrateTo = null;
            if (root.TryGetProperty("parameters", out var parameters) && parameters.ValueKind == JsonValueKind.Object)
            {
                if (parameters.TryGetProperty("retry_after", out var wait) && wait.TryGetDouble(out var seconds) && seconds >= 0)
                {
                    retryAfter = TimeSpan.FromSeconds(seconds);
                }

                if (parameters.TryGetProperty("migrate_to_chat_id", out var migrate) && migrate.TryGetInt64(out var chatId))
                {
                    migrateTo = chatId;
                }
            }

            var result = root.TryGetProperty("result", out var value) ? value.Clone() : (JsonElement?)null;
            return new Answer(ok, errorCode, description, retryAfter, migrateTo, result, HttpAttempt.Sample(body));
        }

        public string Describe()
        {
            var text = Description ?? (Sample.Length > 0 ? Sample : "no description");
            return MigrateToChatId is { } chatId ? $"{text} (the group is now chat {chatId})" : text;
        }
    }
}
