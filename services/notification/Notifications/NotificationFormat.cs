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

    /// <summary>An amount of money without a sign unless negative, two decimals: 1,296.67.</summary>
    public static string Amount(decimal value) => value.ToString("#,##0.00", Invariant);

    /// <summary>At least one decimal: 2.0, 2.25.</summary>
    public static string Ratio(decimal value) => value.ToString("0.0#", Invariant);

    /// <summary>An R multiple, always signed: +1.69R, -0.35R, +0.0R.</summary>
    public static string RMultiple(decimal value) => (value >= 0 ? "+" : "") + Ratio(value) + "R";

    /// <summary>Two decimals: 0.62.</summary>
    public static string Confidence(decimal value) => value.ToString("0.00", Invariant);

    /// <summary>A fraction (0 to 1) as a percentage with one or two decimals: 0.55 → 55.0%, 0.0125 → 1.25%.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.0#", Invariant) + "%";

    /// <summary>A value already in percent, one or two decimals: 12.5 → 12.5%.</summary>
    public static string PercentValue(decimal percent) => percent.ToString("0.0#", Invariant) + "%";

    /// <summary>How far <paramref name="price"/> lies from <paramref name="reference"/>, signed: +0.23%, -0.11%; empty for a zero reference.</summary>
    public static string Distance(decimal price, decimal reference)
    {
        if (reference == 0m)
        {
            return "";
        }

        var percent = Math.Round((price - reference) / reference * 100m, 2, MidpointRounding.AwayFromZero);
        return (percent >= 0 ? "+" : "") + percent.ToString("0.00", Invariant) + "%";
    }

    /// <summary>ISO-8601 in UTC with a Z: 2025-01-06T12:00:00Z, fractions only when present.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", Invariant);

    /// <summary>To the minute, in UTC: 2025-01-06 12:34 UTC.</summary>
    public static string Minute(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    /// <summary>A day: 2025-01-06.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    /// <summary>
    /// A span of time the way a trader reads it: 45s, 12m 05s, 2h 05m, 3d 4h. A negative span (clocks of two machines) reads as 0s.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.Zero)
        {
            span = TimeSpan.Zero;
        }

        return span switch
        {
            { TotalDays: >= 1 } => $"{(int)span.TotalDays}d {span.Hours}h",
            { TotalHours: >= 1 } => $"{span.Hours}h {span.Minutes:00}m",
            { TotalMinutes: >= 1 } => $"{span.Minutes}m {span.Seconds:00}s",
            _ => $"{span.Seconds}s",
        };
    }

    /// <summary>A count with thousands separators: 12,345.</summary>
    public static string Count(long value) => value.ToString("#,##0", Invariant);

    /// <summary>The base asset of a normalised symbol (<c>BTC</c> of <c>BTC/USD</c>); empty when the symbol has no slash.</summary>
    public static string BaseAsset(string symbol) => symbol.IndexOf('/') is var slash and > 0 ? symbol[..slash] : "";

    /// <summary>The quote asset of a normalised symbol (<c>USD</c> of <c>BTC/USD</c>); empty when the symbol has no slash.</summary>
    public static string QuoteAsset(string symbol) => symbol.IndexOf('/') is var slash and > 0 ? symbol[(slash + 1)..] : "";

    /// <summary>A number followed by its unit when there is one: <c>0.0123 BTC</c>, or just <c>0.0123</c>.</summary>
    public static string WithUnit(string number, string unit) => unit.Length == 0 ? number : number + " " + unit;

    /// <summary>LONG or SHORT.</summary>
    public static string Direction(SignalDirection direction) => direction == SignalDirection.Long ? "LONG" : "SHORT";

    /// <summary>BUY or SELL.</summary>
    public static string Side(OrderSide side) => side == OrderSide.Buy ? "BUY" : "SELL";

    /// <summary>A position's side: a buy opens a long.</summary>
    public static string PositionSide(OrderSide side) => side == OrderSide.Buy ? "LONG" : "SHORT";

    /// <summary>Snake case, as in the webhook payload: stop_loss, take_profit, time_exit, flatten, trailing_stop.</summary>
    public static string ExitReason(ExitReason reason) => reason switch
    {
        Contracts.Orders.ExitReason.StopLoss => "stop_loss",
        Contracts.Orders.ExitReason.TakeProfit => "take_profit",
        Contracts.Orders.ExitReason.TimeExit => "time_exit",
        Contracts.Orders.ExitReason.Flatten => "flatten",
        Contracts.Orders.ExitReason.TrailingStop => "trailing_stop",
        _ => reason.ToString().ToLowerInvariant(),
    };

    /// <summary>Lower case: live, stale, down, connecting, completed.</summary>
    public static string FeedStatus(FeedStatus status) => status.ToString().ToLowerInvariant();
}
