namespace Trading.Notification.Delivery;

/// <summary>The kinds of <see cref="DeliveryOutcome"/>.</summary>
public enum DeliveryOutcomeKind
{
    Delivered,
    RateLimited,
    Transient,
    Permanent,
}
