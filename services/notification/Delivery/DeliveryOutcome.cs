namespace Trading.Notification.Delivery;

/// <summary>
/// What one attempt to send a notice to a channel came to: delivered; refused for now and to be retried after a wait the API named
/// (429 with Retry-After / retry_after); failed for now (5xx, timeout, connection refused) and to be retried with backoff; or refused
/// for good (invalid payload, unauthorized, chat not found, webhook deleted), never retried. <see cref="Error"/> never holds a secret.
/// </summary>
public sealed record DeliveryOutcome
{
    public static DeliveryOutcome Delivered { get; } = new() { Kind = DeliveryOutcomeKind.Delivered };

    public required DeliveryOutcomeKind Kind { get; init; }

    /// <summary>What the API said, redacted; null when delivered.</summary>
    public string? Error { get; init; }

    /// <summary>How long the API asked us to wait (only for <see cref="DeliveryOutcomeKind.RateLimited"/>).</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static DeliveryOutcome RateLimited(TimeSpan retryAfter, string error) =>
        new() { Kind = DeliveryOutcomeKind.RateLimited, RetryAfter = retryAfter, Error = error };

    public static DeliveryOutcome Transient(string error) => new() { Kind = DeliveryOutcomeKind.Transient, Error = error };

    public static DeliveryOutcome Permanent(string error) => new() { Kind = DeliveryOutcomeKind.Permanent, Error = error };
}
