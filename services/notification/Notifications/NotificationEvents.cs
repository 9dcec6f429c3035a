namespace Trading.Notification.Notifications;

/// <summary>The event names channels filter on (kebab case), one per kind of <see cref="Notice"/>.</summary>
public static class NotificationEvents
{
    /// <summary>A strategy raised a signal (before risk decided).</summary>
    public const string SignalGenerated = "signal-generated";

    /// <summary>Risk approved a signal and sized it: the "new signal" message, it will trade.</summary>
    public const string SignalApproved = "signal-approved";

    /// <summary>Risk refused a signal.</summary>
    public const string SignalRejected = "signal-rejected";

    /// <summary>An order was filled.</summary>
    public const string OrderFilled = "order-filled";

    /// <summary>A position was closed with its result.</summary>
    public const string PositionClosed = "position-closed";

    /// <summary>Risk stopped approving orders.</summary>
    public const string TradingHalted = "trading-halted";

    /// <summary>Risk approves orders again.</summary>
    public const string TradingResumed = "trading-resumed";

    /// <summary>A market-data feed went down, stale, or recovered.</summary>
    public const string FeedStatusChanged = "feed-status-changed";

    /// <summary>A strategy's live results left the band around its backtest.</summary>
    public const string LivePerformanceDeviated = "live-performance-deviated";

    /// <summary>An operator changed risk limits at run time.</summary>
    public const string RiskLimitsChanged = "risk-limits-changed";

    /// <summary>A notification instance started.</summary>
    public const string SystemStarted = "system-started";

    /// <summary>A notification instance is stopping.</summary>
    public const string SystemStopped = "system-stopped";

    /// <summary>The periodic status report.</summary>
    public const string StatusReport = "status-report";

    /// <summary>The summary of a UTC day.</summary>
    public const string DailySummary = "daily-summary";

    /// <summary>Every event name, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        SignalGenerated, SignalApproved, SignalRejected, OrderFilled, PositionClosed, TradingHalted, TradingResumed, FeedStatusChanged,
        LivePerformanceDeviated, RiskLimitsChanged, SystemStarted, SystemStopped, StatusReport, DailySummary,
    ];
}
