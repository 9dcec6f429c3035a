namespace Trading.Notification.Notifications;

/// <summary>
/// One event, ready for every channel: a line for humans and a JSON payload for machines.
/// (Not called Notification: that is the service's namespace.)
/// </summary>
public sealed record Notice
{
    /// <summary>Kebab-case event name, for example <c>signal-generated</c>.</summary>
    public required string Event { get; init; }

    /// <summary>The bus message id: the same on every redelivery, so channels and receivers can de-duplicate on it.</summary>
    public required Guid EventId { get; init; }

    /// <summary>The event's domain time (when the signal was decided, the order filled, ...).</summary>
    public required DateTimeOffset OccurredAt { get; init; }

    public required string Text { get; init; }

    /// <summary>The JSON object a webhook receives (snake_case properties, decimals as numbers).</summary>
    public required string Json { get; init; }
}
