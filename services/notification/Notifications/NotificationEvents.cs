namespace Trading.Notification.Notifications;

/// <summary>The event names channels filter on.</summary>
public static class NotificationEvents
{
    public const string SignalGenerated = "signal-generated";
    public const string SignalRejected = "signal-rejected";
    public const string OrderFilled = "order-filled";
    public const string PositionClosed = "position-closed";
    public const string TradingHalted = "trading-halted";
    public const string TradingResumed = "trading-resumed";
    public const string FeedStatusChanged = "feed-status-changed";

    public static IReadOnlyList<string> All { get; } =
        [SignalGenerated, SignalRejected, OrderFilled, PositionClosed, TradingHalted, TradingResumed, FeedStatusChanged];
}
