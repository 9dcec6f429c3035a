using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using static Trading.Notification.Notifications.NotificationFormat;

namespace Trading.Notification.Notifications;

/// <summary>
/// Turns each event into a <see cref="Notice"/>: headline, labelled fields in reading order, tone, severity, one plain line and the
/// webhook JSON. Pure, so the wording and the JSON shape are tested directly; the channel renderers only lay out what is here.
/// </summary>
public static class NotificationFactory
{
    // The payload goes to a machine, never into HTML, so characters such as '—' or '+' stay readable instead of \uXXXX.
    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A strategy's signal, as the scanner announced it: levels, R:R, backtest record, confidence, market context, reason.</summary>
    public static Notice Create(SignalGenerated signal, Guid eventId)
    {
        var facts = SignalFacts.Of(signal);
        return Build(
                NotificationEvents.SignalGenerated, eventId, signal.SignalAt,
                $"{Direction(signal.Direction)} {signal.Symbol} {signal.Interval} {signal.Strategy}: entry {Number(signal.Entry)} " +
                $"stop {Number(signal.StopLoss)} target {Number(signal.TakeProfit)} R:R {Ratio(signal.RiskReward)} " +
                $"(confidence {Confidence(signal.Confidence)}) — {signal.Reason}",
                SignalPayload(facts))
            with
        {
            Title = SignalTitle(facts),
            Fields = SignalFields(facts, sizing: []),
            Tone = SignalTone(signal.Direction),
        };
    }

    /// <summary>
    /// The full "new signal" message: everything of a generated signal plus the position size and the amount at risk risk gave it.
    /// </summary>
    public static Notice Create(SignalApproved approved, Guid eventId)
    {
        var facts = SignalFacts.Of(approved);
        var fields = SignalFields(facts, sizing:
        [
            new NoticeField("Position size", Size(approved)),
            new NoticeField("Risk", RiskAmount(approved) + RiskShare(approved)),
        ]);
        fields.Add(new NoticeField("Sizing", approved.SizingReason, Inline: false));
        var payload = SignalPayload(facts);
        payload["quantity"] = approved.Quantity;
        payload["notional"] = approved.Notional;
        payload["risk_amount"] = approved.RiskAmount;
        payload["equity"] = approved.Equity;
        payload["sizing_reason"] = approved.SizingReason;
        payload["signal_at"] = Timestamp(approved.SignalAt);
        payload["approved_at"] = Timestamp(approved.ApprovedAt);
        return Build(
                NotificationEvents.SignalApproved, eventId, approved.ApprovedAt,
                $"NEW SIGNAL {Direction(approved.Direction)} {approved.Symbol} {approved.Interval} {approved.Strategy}: " +
                $"entry {Number(approved.Entry)} stop {Number(approved.StopLoss)} target {Number(approved.TakeProfit)} " +
                $"R:R {Ratio(approved.RiskReward)} size {Size(approved)} risk {RiskAmount(approved)} " +
                $"(confidence {Confidence(approved.Confidence)}) — {approved.Reason}",
                payload)
            with
        {
            Title = "New signal: " + SignalTitle(facts),
            Fields = fields,
            Tone = SignalTone(approved.Direction),
        };
    }

    /// <summary>Risk refused a signal: which rule, and why.</summary>
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
            })
        with
    {
        Title = $"Signal rejected: {rejected.Symbol}",
        Fields =
        [
            new NoticeField("Instrument", rejected.Symbol),
            new NoticeField("Rule", rejected.Rule),
            new NoticeField("Reason", rejected.Reason, Inline: false),
            new NoticeField("Signal", rejected.SignalId.ToString(), Inline: false),
        ],
        Tone = NoticeTone.Alert,
        Severity = NoticeSeverity.Warning,
    };

    /// <summary>
    /// An order filled. An opening fill is coloured by the position it opens (a buy opens a long); a closing fill is neutral,
    /// because its result arrives with the position-closed notice.
    /// </summary>
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
            })
        with
    {
        Title = $"Order filled: {Side(fill.Side)} {Number(fill.Quantity)} {fill.Symbol} @ {Number(fill.Price)}",
        Fields =
        [
            new NoticeField("Side", Side(fill.Side)),
            new NoticeField("Quantity", WithUnit(Number(fill.Quantity), BaseAsset(fill.Symbol))),
            new NoticeField("Price", Number(fill.Price)),
            new NoticeField("Notional", WithUnit(Amount(fill.Quantity * fill.Price), QuoteAsset(fill.Symbol))),
            new NoticeField("Fee", WithUnit(Number(fill.Fee), QuoteAsset(fill.Symbol))),
            new NoticeField("Position", fill.OpensPosition ? "opens" : "closes"),
            new NoticeField("Mode", fill.IsPaper ? "paper" : "live"),
            new NoticeField("Venue", fill.Venue),
            new NoticeField("Order", fill.ClientOrderId, Inline: false),
        ],
        Tone = !fill.OpensPosition ? NoticeTone.Neutral : fill.Side == OrderSide.Buy ? NoticeTone.Positive : NoticeTone.Negative,
    };

    /// <summary>A position closed: net P&amp;L, R multiple, exit reason and how long it was held; coloured by the sign of the P&amp;L.</summary>
    public static Notice Create(PositionClosed closed, Guid eventId)
    {
        var held = closed.ClosedAt - closed.OpenedAt;
        var exit = ExitReason(closed.ExitReason).Replace('_', ' ');
        return Build(
                NotificationEvents.PositionClosed, eventId, closed.ClosedAt,
                $"CLOSED {PositionSide(closed.Side)} {Number(closed.Quantity)} {closed.Symbol} by {exit}: " +
                $"entry {Number(closed.EntryPrice)} exit {Number(closed.ExitPrice)} P&L {Money(closed.RealizedPnl)} ({RMultiple(closed.RMultiple)})",
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
                    ["holding_seconds"] = (long)Math.Max(0, held.TotalSeconds),
                })
            with
        {
            Title = $"Position closed: {PositionSide(closed.Side)} {closed.Symbol} {Money(closed.RealizedPnl)} ({RMultiple(closed.RMultiple)})",
            Fields =
            [
                new NoticeField("P&L (net)", WithUnit(Money(closed.RealizedPnl), QuoteAsset(closed.Symbol))),
                new NoticeField("R multiple", RMultiple(closed.RMultiple)),
                new NoticeField("Exit reason", exit),
                new NoticeField("Held", Duration(held)),
                new NoticeField("Entry", Number(closed.EntryPrice)),
                new NoticeField("Exit", Number(closed.ExitPrice)),
                new NoticeField("Quantity", WithUnit(Number(closed.Quantity), BaseAsset(closed.Symbol))),
                new NoticeField("Fees", WithUnit(Number(closed.Fees), QuoteAsset(closed.Symbol))),
                new NoticeField("Venue", closed.Venue),
            ],
            Tone = closed.RealizedPnl > 0 ? NoticeTone.Positive : closed.RealizedPnl < 0 ? NoticeTone.Negative : NoticeTone.Neutral,
        };
    }

    /// <summary>Risk halted trading: the rule, the reason, and when it resumes by itself or that an operator must resume it.</summary>
    public static Notice Create(TradingHalted halted, Guid eventId)
    {
        var resumes = halted.ResumesAt is { } at ? Minute(at) : "when an operator resumes";
        return Build(
                NotificationEvents.TradingHalted, eventId, halted.HaltedAt,
                $"HALTED trading by {halted.Rule}: {halted.Reason} — " +
                (halted.ResumesAt is { } resumesAt ? $"resumes {Minute(resumesAt)}" : "until an operator resumes"),
                new JsonObject
                {
                    ["rule"] = halted.Rule,
                    ["reason"] = halted.Reason,
                    ["halted_at"] = Timestamp(halted.HaltedAt),
                    ["resumes_at"] = halted.ResumesAt is { } value ? Timestamp(value) : null,
                })
            with
        {
            Title = $"Trading halted: {halted.Rule}",
            Fields =
            [
                new NoticeField("Rule", halted.Rule),
                new NoticeField("Resumes", resumes),
                new NoticeField("Reason", halted.Reason, Inline: false),
            ],
            Tone = NoticeTone.Alert,
            Severity = NoticeSeverity.Critical,
        };
    }

    /// <summary>Risk approves orders again.</summary>
    public static Notice Create(TradingResumed resumed, Guid eventId) => Build(
            NotificationEvents.TradingResumed, eventId, resumed.ResumedAt,
            $"RESUMED trading: {resumed.Reason}",
            new JsonObject
            {
                ["reason"] = resumed.Reason,
                ["resumed_at"] = Timestamp(resumed.ResumedAt),
            })
        with
    {
        Title = "Trading resumed",
        Fields = [new NoticeField("Reason", resumed.Reason, Inline: false)],
        Tone = NoticeTone.Positive,
    };

    /// <summary>
    /// A feed changed state: down or stale reads as "feed down" (a warning), live as "feed recovered"; connecting and the end of a
    /// replay are neutral information.
    /// </summary>
    public static Notice Create(FeedStatusChanged feed, Guid eventId)
    {
        var (title, tone, severity) = feed.Status switch
        {
            Contracts.MarketData.FeedStatus.Down => ($"Feed down: {feed.Venue}", NoticeTone.Alert, NoticeSeverity.Warning),
            Contracts.MarketData.FeedStatus.Stale => ($"Feed down: {feed.Venue} (stale)", NoticeTone.Alert, NoticeSeverity.Warning),
            Contracts.MarketData.FeedStatus.Live => ($"Feed recovered: {feed.Venue}", NoticeTone.Positive, NoticeSeverity.Info),
            _ => ($"Feed {FeedStatus(feed.Status)}: {feed.Venue}", NoticeTone.Neutral, NoticeSeverity.Info),
        };
        List<NoticeField> fields = [new("Venue", feed.Venue), new("Status", FeedStatus(feed.Status))];
        if (!string.IsNullOrWhiteSpace(feed.Reason))
        {
            fields.Add(new NoticeField("Reason", feed.Reason, Inline: false));
        }

        return Build(
                NotificationEvents.FeedStatusChanged, eventId, feed.ChangedAt,
                $"FEED {feed.Venue} is {FeedStatus(feed.Status)}" + (string.IsNullOrWhiteSpace(feed.Reason) ? "" : $": {feed.Reason}"),
                new JsonObject
                {
                    ["venue"] = feed.Venue,
                    ["status"] = FeedStatus(feed.Status),
                    ["reason"] = feed.Reason,
                    ["changed_at"] = Timestamp(feed.ChangedAt),
                })
            with
        {
            Title = title,
            Fields = fields,
            Tone = tone,
            Severity = severity,
        };
    }

    /// <summary>A strategy's live results left the band around its backtest: the figures side by side and whether it was disabled.</summary>
    public static Notice Create(LivePerformanceDeviated deviated, Guid eventId)
    {
        var status = deviated.Disabled ? "disabled until an operator enables it" : "still enabled";
        return Build(
                NotificationEvents.LivePerformanceDeviated, eventId, deviated.DeviatedAt,
                $"DEVIATED {deviated.Strategy} {deviated.Symbol} {deviated.Interval} after {deviated.Trades} live trades: " +
                $"{string.Join("; ", deviated.Deviations)} — {status}",
                new JsonObject
                {
                    ["strategy"] = deviated.Strategy,
                    ["instrument"] = deviated.Symbol,
                    ["interval"] = deviated.Interval,
                    ["trades"] = deviated.Trades,
                    ["win_rate"] = deviated.WinRate,
                    ["profit_factor"] = deviated.ProfitFactor,
                    ["max_drawdown_pct"] = deviated.MaxDrawdownPct,
                    ["backtest_win_rate"] = deviated.BacktestWinRate,
                    ["backtest_profit_factor"] = deviated.BacktestProfitFactor,
                    ["backtest_max_drawdown_pct"] = deviated.BacktestMaxDrawdownPct,
                    ["deviations"] = Array(deviated.Deviations),
                    ["disabled"] = deviated.Disabled,
                    ["deviated_at"] = Timestamp(deviated.DeviatedAt),
                })
            with
        {
            Title = $"Live results off backtest: {deviated.Strategy} {deviated.Symbol} {deviated.Interval}",
            Fields =
            [
                new NoticeField("Strategy", deviated.Strategy),
                new NoticeField("Instrument", $"{deviated.Symbol} {deviated.Interval}"),
                new NoticeField("Live trades", Count(deviated.Trades)),
                new NoticeField("Win rate", $"{Percent(deviated.WinRate)} (backtest {Percent(deviated.BacktestWinRate)})"),
                new NoticeField("Profit factor", $"{ProfitFactor(deviated.ProfitFactor)} (backtest {ProfitFactor(deviated.BacktestProfitFactor)})"),
                new NoticeField("Max drawdown", $"{PercentValue(deviated.MaxDrawdownPct)} (backtest {PercentValue(deviated.BacktestMaxDrawdownPct)})"),
                new NoticeField("Deviations", deviated.Deviations.Count == 0 ? "none listed" : string.Join("; ", deviated.Deviations), Inline: false),
                new NoticeField("Status", status, Inline: false),
            ],
            Tone = NoticeTone.Alert,
            Severity = NoticeSeverity.Warning,
        };
    }

    /// <summary>An operator changed risk limits: one field per change (<c>name: old → new</c>) and the reason.</summary>
    public static Notice Create(RiskLimitsChanged changed, Guid eventId)
    {
        var fields = changed.Changes.Select(ChangeField).ToList();
        fields.Add(new NoticeField("Reason", changed.Reason, Inline: false));
        return Build(
                NotificationEvents.RiskLimitsChanged, eventId, changed.ChangedAt,
                $"LIMITS changed: {string.Join("; ", changed.Changes)} — {changed.Reason}",
                new JsonObject
                {
                    ["changes"] = Array(changed.Changes),
                    ["reason"] = changed.Reason,
                    ["changed_at"] = Timestamp(changed.ChangedAt),
                })
            with
        {
            Title = "Risk limits changed",
            Fields = fields,
        };
    }

    /// <summary>An instance of the system started (no bus message: the service raises it itself with a deterministic id).</summary>
    public static Notice SystemStarted(string instance, string? version, DateTimeOffset at, Guid eventId) =>
        SystemLifecycle(NotificationEvents.SystemStarted, "started", instance, version, at, eventId) with { Tone = NoticeTone.Positive };

    /// <summary>An instance of the system is stopping (no bus message: the service raises it itself with a deterministic id).</summary>
    public static Notice SystemStopped(string instance, string? version, DateTimeOffset at, Guid eventId) =>
        SystemLifecycle(NotificationEvents.SystemStopped, "stopped", instance, version, at, eventId);

    /// <summary>The periodic status report: runtime, candles, signals, open positions, equity and today's P&amp;L.</summary>
    public static Notice Create(StatusReport report, Guid eventId)
    {
        var equity = report.Equity is { } e ? Amount(e) : "unknown";
        var pnl = report.PnlToday is { } p ? Money(p) : "unknown";
        var positions = report.OpenPositions == 1 ? "1 open position" : $"{Count(report.OpenPositions)} open positions";
        return Build(
                NotificationEvents.StatusReport, eventId, report.At,
                $"STATUS up {Duration(report.Runtime)}: {Count(report.CandlesProcessed)} candles, {Count(report.Signals)} signals, " +
                $"{positions}, equity {equity}, P&L today {pnl}",
                new JsonObject
                {
                    ["runtime_seconds"] = (long)report.Runtime.TotalSeconds,
                    ["candles_processed"] = report.CandlesProcessed,
                    ["signals"] = report.Signals,
                    ["open_positions"] = report.OpenPositions,
                    ["equity"] = report.Equity,
                    ["pnl_today"] = report.PnlToday,
                })
            with
        {
            Title = "Status report",
            Fields =
            [
                new NoticeField("Runtime", Duration(report.Runtime)),
                new NoticeField("Candles processed", Count(report.CandlesProcessed)),
                new NoticeField("Signals", Count(report.Signals)),
                new NoticeField("Open positions", Count(report.OpenPositions)),
                new NoticeField("Equity", equity),
                new NoticeField("P&L today", pnl),
            ],
        };
    }

    /// <summary>The summary of a UTC day: trades, wins and losses, net P&amp;L, best and worst trade, equity, signals and rejections.</summary>
    public static Notice Create(DailySummary summary, Guid eventId)
    {
        var winRate = summary.Trades == 0 ? "n/a" : Percent((decimal)summary.Wins / summary.Trades);
        var best = summary.BestTrade is { } b ? Money(b) : "none";
        var worst = summary.WorstTrade is { } w ? Money(w) : "none";
        var equity = summary.Equity is { } e ? Amount(e) : "unknown";
        return Build(
                NotificationEvents.DailySummary, eventId, summary.EndsAt,
                $"DAY {Day(summary.Day)}: {Count(summary.Trades)} trades ({Count(summary.Wins)} won, {Count(summary.Losses)} lost, " +
                $"win rate {winRate}), net {Money(summary.NetPnl)}, best {best}, worst {worst}, " +
                $"{Count(summary.Signals)} signals, {Count(summary.Rejections)} rejected, equity {equity}",
                new JsonObject
                {
                    ["day"] = Day(summary.Day),
                    ["trades"] = summary.Trades,
                    ["wins"] = summary.Wins,
                    ["losses"] = summary.Losses,
                    ["net_pnl"] = summary.NetPnl,
                    ["best_trade"] = summary.BestTrade,
                    ["worst_trade"] = summary.WorstTrade,
                    ["equity"] = summary.Equity,
                    ["signals"] = summary.Signals,
                    ["rejections"] = summary.Rejections,
                })
            with
        {
            Title = $"Daily summary {Day(summary.Day)}",
            Fields =
            [
                new NoticeField("Net P&L", Money(summary.NetPnl)),
                new NoticeField("Trades", Count(summary.Trades)),
                new NoticeField("Won / lost", $"{Count(summary.Wins)} / {Count(summary.Losses)}"),
                new NoticeField("Win rate", winRate),
                new NoticeField("Best trade", best),
                new NoticeField("Worst trade", worst),
                new NoticeField("Signals", Count(summary.Signals)),
                new NoticeField("Rejected", Count(summary.Rejections)),
                new NoticeField("Equity", equity),
            ],
            Tone = summary.NetPnl > 0 ? NoticeTone.Positive : summary.NetPnl < 0 ? NoticeTone.Negative : NoticeTone.Neutral,
        };
    }

    private static Notice SystemLifecycle(string eventName, string verb, string instance, string? version, DateTimeOffset at, Guid eventId)
    {
        List<NoticeField> fields = [new("Instance", instance)];
        if (!string.IsNullOrWhiteSpace(version))
        {
            fields.Add(new NoticeField("Version", version));
        }

        fields.Add(new NoticeField("At", Minute(at)));
        return Build(
                eventName, eventId, at,
                $"{verb.ToUpperInvariant()} {instance}" + (string.IsNullOrWhiteSpace(version) ? "" : $" (version {version})"),
                new JsonObject
                {
                    ["instance"] = instance,
                    ["version"] = version,
                    [verb + "_at"] = Timestamp(at),
                })
            with
        {
            Title = $"System {verb}: {instance}",
            Fields = fields,
        };
    }

    private static string SignalTitle(SignalFacts signal) => $"{Direction(signal.Direction)} {signal.Symbol} {signal.Interval} · {signal.Strategy}";

    private static NoticeTone SignalTone(SignalDirection direction) =>
        direction == SignalDirection.Long ? NoticeTone.Positive : NoticeTone.Negative;

    private static List<NoticeField> SignalFields(SignalFacts signal, IReadOnlyList<NoticeField> sizing)
    {
        List<NoticeField> fields =
        [
            new("Strategy", signal.Strategy),
            new("Instrument", $"{signal.Symbol} {signal.Interval} ({signal.Venue})"),
            new("Direction", Direction(signal.Direction)),
            new("Entry", Number(signal.Entry)),
            new("Stop", Level(signal.StopLoss, signal.Entry)),
            new("Target", Level(signal.TakeProfit, signal.Entry)),
            new("R:R", Ratio(signal.RiskReward)),
        ];
        fields.AddRange(sizing);
        fields.Add(new NoticeField("Backtest", Backtest(signal.Backtest)));
        fields.Add(new NoticeField("Confidence", Confidence(signal.Confidence)));
        fields.Add(new NoticeField("Market", Market(signal)));
        fields.Add(new NoticeField("Reason", signal.Reason, Inline: false));
        return fields;
    }

    private static string Level(decimal price, decimal entry) =>
        Distance(price, entry) is { Length: > 0 } distance ? $"{Number(price)} ({distance})" : Number(price);

    private static string Backtest(BacktestRecord? backtest)
    {
        if (backtest is null)
        {
            return "no backtest record";
        }

        var text = $"win rate {Percent(backtest.WinRate)} · profit factor {ProfitFactor(backtest.ProfitFactor)} · {Count(backtest.Trades)} trades";
        return backtest.Passed ? text : text + " · failed the live gate";
    }

    private static string ProfitFactor(decimal? profitFactor) => profitFactor is { } value ? Ratio(value) : "n/a (no loss)";

    private static string Market(SignalFacts signal)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(signal.Regime))
        {
            parts.Add(signal.Regime);
        }

        if (!string.IsNullOrWhiteSpace(signal.HigherTimeframeTrend))
        {
            var timeframe = string.IsNullOrWhiteSpace(signal.HigherTimeframe) ? "higher timeframe" : signal.HigherTimeframe;
            parts.Add($"{timeframe} trend {signal.HigherTimeframeTrend}");
        }

        if (!string.IsNullOrWhiteSpace(signal.MacroTrend))
        {
            parts.Add($"macro trend {signal.MacroTrend}");
        }

        return parts.Count == 0 ? "unknown" : string.Join(" · ", parts);
    }

    private static string Size(SignalApproved approved) =>
        $"{WithUnit(Number(approved.Quantity), BaseAsset(approved.Symbol))} ({WithUnit(Amount(approved.Notional), QuoteAsset(approved.Symbol))})";

    private static string RiskAmount(SignalApproved approved) => WithUnit(Amount(approved.RiskAmount), QuoteAsset(approved.Symbol));

    private static string RiskShare(SignalApproved approved) =>
        approved.Equity > 0 ? $" ({Percent(approved.RiskAmount / approved.Equity)} of equity {Amount(approved.Equity)})" : "";

    private static NoticeField ChangeField(string change)
    {
        var colon = change.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 ? new NoticeField(change[..colon], change[(colon + 2)..]) : new NoticeField("Change", change);
    }

    private static JsonArray Array(IEnumerable<string> values) => [.. values.Select(value => (JsonNode?)JsonValue.Create(value))];

    private static JsonObject SignalPayload(SignalFacts signal) => new()
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
        ["regime"] = signal.Regime,
        ["higher_timeframe"] = signal.HigherTimeframe,
        ["higher_timeframe_trend"] = signal.HigherTimeframeTrend,
        ["macro_trend"] = signal.MacroTrend,
        ["backtest"] = signal.Backtest is { } backtest
            ? new JsonObject
            {
                ["trades"] = backtest.Trades,
                ["win_rate"] = backtest.WinRate,
                ["profit_factor"] = backtest.ProfitFactor,
                ["expectancy_r"] = backtest.ExpectancyR,
                ["max_drawdown_pct"] = backtest.MaxDrawdownPct,
                ["passed"] = backtest.Passed,
            }
            : null,
    };

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

    /// <summary>What a generated and an approved signal share, so both read the same.</summary>
    private sealed record SignalFacts(
        Guid SignalId, string Strategy, string Venue, string Symbol, string Interval, SignalDirection Direction, decimal Entry,
        decimal StopLoss, decimal TakeProfit, decimal RiskReward, decimal Confidence, string Reason, string? Regime,
        string? HigherTimeframe, string? HigherTimeframeTrend, string? MacroTrend, BacktestRecord? Backtest)
    {
        public static SignalFacts Of(SignalGenerated s) => new(
            s.SignalId, s.Strategy, s.Venue, s.Symbol, s.Interval, s.Direction, s.Entry, s.StopLoss, s.TakeProfit, s.RiskReward,
            s.Confidence, s.Reason, s.Regime, s.HigherTimeframe, s.HigherTimeframeTrend, s.MacroTrend, s.Backtest);

        public static SignalFacts Of(SignalApproved s) => new(
            s.SignalId, s.Strategy, s.Venue, s.Symbol, s.Interval, s.Direction, s.Entry, s.StopLoss, s.TakeProfit, s.RiskReward,
            s.Confidence, s.Reason, s.Regime, s.HigherTimeframe, s.HigherTimeframeTrend, s.MacroTrend, s.Backtest);
    }
}
