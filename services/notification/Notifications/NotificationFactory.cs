using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using static Trading.Notification.Notifications.NotificationFormat;

namespace Trading.Notification.Notifications;

/// <summary>Turns each event into a <see cref="Notice"/>: pure, so the wording and the JSON shape are tested directly.</summary>
public static class NotificationFactory
{
    // The payload goes to a machine, never into HTML, so characters such as '—' or '+' stay readable instead of \uXXXX.
    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Notice Create(SignalGenerated signal, Guid eventId) => Build(
        NotificationEvents.SignalGenerated, eventId, signal.SignalAt,
        $"{Direction(signal.Direction)} {signal.Symbol} {signal.Interval} {signal.Strategy}: entry {Number(signal.Entry)} " +
        $"stop {Number(signal.StopLoss)} target {Number(signal.TakeProfit)} R:R {Ratio(signal.RiskReward)} " +
        $"(confidence {Confidence(signal.Confidence)}) — {signal.Reason}",
        new JsonObject
        {
            ["signal_id"] = signal.SignalId,
            ["signal"] = signal.Strategy,
            ["venue"] = signal.Venue,
            ["instrument"] = signal.Symbol,
            ["interval"] = signal.Interval,
            ["direction"] = Direction(signal.Direction),
            ["entry"] = signal.Entry,
            ["stop_loss"] = signal.StopLoss,
            ["take_profit"] = signal.TakeProfit,
            ["risk_reward"] = signal.RiskReward,
            ["confidence"] = signal.Confidence,
            ["reason"] = signal.Reason,
        });

    public static Notice Create(SignalRejected rejected, Guid eventId) => Build(
        NotificationEvents.SignalRejected, eventId, rejected.RejectedAt,
        $"REJECTED {rejected.Symbol} signal by {rejected.Rule}: {rejected.Reason}",
        new JsonObject
        {
            ["signal_id"] = rejected.SignalId,
            ["instrument"] = rejected.Symbol,
            ["rule"] = rejected.Rule,
            ["reason"] = rejected.Reason,
            ["rejected_at"] = Timestamp(rejected.RejectedAt),
        });

    public static Notice Create(OrderFilled fill, Guid eventId) => Build(
        NotificationEvents.OrderFilled, eventId, fill.FilledAt,
        $"FILLED {Side(fill.Side)} {Number(fill.Quantity)} {fill.Symbol} @ {Number(fill.Price)} (fee {Number(fill.Fee)}, " +
        $"{(fill.IsPaper ? "paper" : "live")}, {(fill.OpensPosition ? "opens" : "closes")} position)",
        new JsonObject
        {
            ["order_id"] = fill.OrderId,
            ["client_order_id"] = fill.ClientOrderId,
            ["position_id"] = fill.PositionId,
            ["signal_id"] = fill.SignalId,
            ["venue"] = fill.Venue,
            ["instrument"] = fill.Symbol,
            ["side"] = Side(fill.Side),
            ["quantity"] = fill.Quantity,
            ["price"] = fill.Price,
            ["fee"] = fill.Fee,
            ["opens_position"] = fill.OpensPosition,
            ["is_paper"] = fill.IsPaper,
            ["filled_at"] = Timestamp(fill.FilledAt),
        });

    public static Notice Create(PositionClosed closed, Guid eventId) => Build(
        NotificationEvents.PositionClosed, eventId, closed.ClosedAt,
        $"CLOSED {PositionSide(closed.Side)} {Number(closed.Quantity)} {closed.Symbol} by {ExitReason(closed.ExitReason).Replace('_', ' ')}: " +
        $"entry {Number(closed.EntryPrice)} exit {Number(closed.ExitPrice)} P&L {Money(closed.RealizedPnl)} ({(closed.RMultiple >= 0 ? "+" : "")}{Ratio(closed.RMultiple)}R)",
        new JsonObject
        {
            ["position_id"] = closed.PositionId,
            ["signal_id"] = closed.SignalId,
            ["venue"] = closed.Venue,
            ["instrument"] = closed.Symbol,
            ["side"] = PositionSide(closed.Side),
            ["quantity"] = closed.Quantity,
            ["entry_price"] = closed.EntryPrice,
            ["exit_price"] = closed.ExitPrice,
            ["fees"] = closed.Fees,
            ["pnl"] = closed.RealizedPnl,
            ["r_multiple"] = closed.RMultiple,
            ["exit_reason"] = ExitReason(closed.ExitReason),
            ["opened_at"] = Timestamp(closed.OpenedAt),
            ["closed_at"] = Timestamp(closed.ClosedAt),
        });

    public static Notice Create(TradingHalted halted, Guid eventId) => Build(
        NotificationEvents.TradingHalted, eventId, halted.HaltedAt,
        $"HALTED trading by {halted.Rule}: {halted.Reason} — " +
        (halted.ResumesAt is { } resumes ? $"resumes {Minute(resumes)}" : "until an operator resumes"),
        new JsonObject
        {
            ["rule"] = halted.Rule,
            ["reason"] = halted.Reason,
            ["halted_at"] = Timestamp(halted.HaltedAt),
            ["resumes_at"] = halted.ResumesAt is { } at ? Timestamp(at) : null,
        });

    public static Notice Create(TradingResumed resumed, Guid eventId) => Build(
        NotificationEvents.TradingResumed, eventId, resumed.ResumedAt,
        $"RESUMED trading: {resumed.Reason}",
        new JsonObject
        {
            ["reason"] = resumed.Reason,
            ["resumed_at"] = Timestamp(resumed.ResumedAt),
        });

    public static Notice Create(FeedStatusChanged feed, Guid eventId) => Build(
        NotificationEvents.FeedStatusChanged, eventId, feed.ChangedAt,
        $"FEED {feed.Venue} is {FeedStatus(feed.Status)}" + (string.IsNullOrWhiteSpace(feed.Reason) ? "" : $": {feed.Reason}"),
        new JsonObject
        {
            ["venue"] = feed.Venue,
            ["status"] = FeedStatus(feed.Status),
            ["reason"] = feed.Reason,
            ["changed_at"] = Timestamp(feed.ChangedAt),
        });

    private static Notice Build(string eventName, Guid eventId, DateTimeOffset occurredAt, string text, JsonObject fields)
    {
        var payload = new JsonObject
        {
            ["event"] = eventName,
            ["event_id"] = eventId,
            ["timestamp"] = Timestamp(occurredAt),
        };
        foreach (var (name, value) in fields.ToList())
        {
            fields.Remove(name);
            payload[name] = value;
        }

        return new Notice
        {
            Event = eventName,
            EventId = eventId,
            OccurredAt = occurredAt,
            Text = text,
            Json = payload.ToJsonString(PayloadJson),
        };
    }
}
