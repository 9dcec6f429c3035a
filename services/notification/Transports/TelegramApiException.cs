namespace Trading.Notification.Transports;

/// <summary>
/// A failed Bot API call outside message delivery (<c>getUpdates</c>): Telegram's <c>error_code</c> (null when no answer came:
/// timeout, refused connection), its description and the <c>retry_after</c> of flood control. The message is redacted: it never
/// holds the bot token.
/// </summary>
public sealed class TelegramApiException(int? errorCode, string description, TimeSpan? retryAfter)
    : Exception($"Telegram Bot API call failed: {(errorCode is { } code ? $"HTTP {code} " : "")}{description}")
{
    public int? ErrorCode { get; } = errorCode;

    public string Description { get; } = description;

    /// <summary>How long Telegram asked us to wait (429 flood control), else null.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>
    /// True when asking again cannot help until an operator acts: 401 (token revoked), 403 (bot removed) or 404 (no such bot).
    /// 409 (another poller or a webhook holds the updates) may clear by itself and is not permanent.
    /// </summary>
    public bool IsPermanent => ErrorCode is 401 or 403 or 404;
}
