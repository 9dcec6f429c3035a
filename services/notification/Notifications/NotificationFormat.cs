using System.Globalization;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Signals;

namespace Trading.Notification.Notifications;

/// <summary>How values read in notification text and payloads.</summary>
public static class NotificationFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Thousands separated, no trailing zeros: 105,420.5.</summary>
    public static string Number(decimal value) => value.ToString("#,##0.##########", Invariant);

    /// <summary>Always signed, two decimals: +2.41, -13.07.</summary>
    public static string Money(decimal value) => (value >= 0 ? "+" : "") + value.ToString("#,##0.00", Invariant);

    /// <summary>At least one decimal: 2.0, 2.25.</summary>
    public static string Ratio(decimal value) => value.ToString("0.0#", Invariant);

    public static string Confidence(decimal value) => value.ToString("0.00", Invariant);

    /// <summary>ISO-8601 in UTC with a Z: 2025-01-06T12:00:00Z, fractions only when present.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant);

    public static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Direction(SignalDirection direction) => direction == SignalDirection.Long ? "LONG" : "SHORT";

    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>A position's side: a buy opens a long.</summary>
    public static string PositionSide(OrderSide side) => side == OrderSide.Buy ? "LONG" : "SHORT";

    public static string ExitReason(ExitReason reason) => reason switch
    {
        Contracts.Orders.ExitReason.StopLoss => "stop_loss",
        Contracts.Orders.ExitReason.TakeProfit => "take_profit",
        Contracts.Orders.ExitReason.TimeExit => "time_exit",
        Contracts.Orders.ExitReason.Flatten => "flatten",
        _ => reason.ToString().ToLowerInvariant(),
    };

    public static string FeedStatus(FeedStatus status) => status.ToString().ToLowerInvariant();
}
