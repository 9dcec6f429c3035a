namespace Trading.Notification.Channels;

/// <summary>A final outcome of one delivery: delivered, or refused for good with the reason (never retried by the bus).</summary>
public sealed record DeliveryResult
{
    public static DeliveryResult Delivered { get; } = new() { IsDelivered = true };

    public required bool IsDelivered { get; init; }

    public string? Error { get; init; }

    public static DeliveryResult Failed(string error) => new() { IsDelivered = false, Error = error };
}
