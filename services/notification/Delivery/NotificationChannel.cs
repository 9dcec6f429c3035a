using Trading.Notification.Notifications;

namespace Trading.Notification.Delivery;

/// <summary>
/// One configured destination as the delivery engine sees it: its unique name (<c>slack:desk</c>, <c>telegram:phone</c>…), its route,
/// its API's rate limits, whether a burst may be folded into a digest, and how one notice is sent (rendered and posted: one attempt).
/// </summary>
public sealed record NotificationChannel
{
    public required string Name { get; init; }

    public required ChannelRoute Route { get; init; }

    public required IReadOnlyList<RateWindow> Limits { get; init; }

    /// <summary>Sends one notice (the bool: silently); one attempt, no waiting or retrying inside.</summary>
    public required Func<Notice, bool, CancellationToken, Task<DeliveryOutcome>> SendAsync { get; init; }

    /// <summary>More due notices than this waiting at once are folded into one digest; 0 never folds.</summary>
    public int DigestAbove { get; init; } = 5;

    /// <summary>Most notices in one digest.</summary>
    public int DigestMax { get; init; } = 20;

    /// <summary>
    /// Whether a delivery the sender died in the middle of is sent again (a webhook: its receiver de-duplicates on the Idempotency-Key)
    /// or recorded as interrupted and not sent again (a chat: it may have shown it, and a chat cannot de-duplicate).
    /// </summary>
    public bool ResendInterrupted { get; init; }

    /// <summary>Attempts after which a transient failure counts as failed for good.</summary>
    public int MaxAttempts { get; init; } = 8;
}
