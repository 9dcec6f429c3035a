using System.Text.Json;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Notification.Notifications;
using static Trading.Notification.Tests.Notifications.NoticeSamples;

namespace Trading.Notification.Tests.Notifications;

public sealed class NotificationFactoryTests
{
    [Fact]
    public void Signal_generated_reads_as_one_line_with_levels_and_reason()
    {
        var notice = NotificationFactory.Create(NoticeSamples.BareSignal, EventId);

        Assert.Equal(
            "LONG BTC/USDT 1m ema-cross: entry 105,420.5 stop 105,300.1 target 105,661.3 R:R 2.0 (confidence 0.62) — EMA(9) crossed above EMA(21)",
            notice.Text);
        Assert.Equal("signal-generated", notice.Event);
        Assert.Equal(EventId, notice.EventId);
        Assert.Equal(At, notice.OccurredAt);
    }

    [Fact]
    public void Signal_generated_payload_has_the_export_shape()
    {
        var json = Parse(NotificationFactory.Create(NoticeSamples.BareSignal with { Direction = SignalDirection.Short }, EventId));

        Assert.Equal(
            ["event", "event_id", "timestamp", "signal_id", "signal", "venue", "instrument", "interval", "direction", "entry",
                "stop_loss", "take_profit", "risk_reward", "confidence", "reason", "regime", "higher_timeframe", "higher_timeframe_trend",
                "macro_trend", "backtest"],
            Names(json));
        Assert.Equal("signal-generated", json.GetProperty("event").GetString());
        Assert.Equal(EventId.ToString(), json.GetProperty("event_id").GetString());
        Assert.Equal("2025-01-06T12:34:00Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("ema-cross", json.GetProperty("signal").GetString());
        Assert.Equal("BTC/USDT", json.GetProperty("instrument").GetString());
        Assert.Equal("SHORT", json.GetProperty("direction").GetString());
        Assert.Equal(JsonValueKind.Number, json.GetProperty("entry").ValueKind);
        Assert.Equal(105_420.5m, json.GetProperty("entry").GetDecimal());
        Assert.Equal(105_300.1m, json.GetProperty("stop_loss").GetDecimal());
        Assert.Equal(105_661.3m, json.GetProperty("take_profit").GetDecimal());
        Assert.Equal(2.0m, json.GetProperty("risk_reward").GetDecimal());
        Assert.Equal(0.62m, json.GetProperty("confidence").GetDecimal());
        Assert.Equal("EMA(9) crossed above EMA(21)", json.GetProperty("reason").GetString());
    }

    [Fact]
    public void Payload_keeps_readable_characters_unescaped()
    {
        var notice = NotificationFactory.Create(NoticeSamples.BareSignal with { Reason = "trend up — RSI < 70 & volume +20%" }, EventId);

        Assert.Contains("\"reason\":\"trend up — RSI < 70 & volume +20%\"", notice.Json);
    }

    [Fact]
    public void Signal_rejected_names_rule_and_reason()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Rejected, EventId);
        var json = Parse(notice);

        Assert.Equal("REJECTED ETH/USD signal by max-open-positions: 2 positions already open", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "signal_id", "instrument", "rule", "reason", "rejected_at"], Names(json));
        Assert.Equal("signal-rejected", json.GetProperty("event").GetString());
        Assert.Equal(SignalId.ToString(), json.GetProperty("signal_id").GetString());
        Assert.Equal("max-open-positions", json.GetProperty("rule").GetString());
        Assert.Equal("2025-01-06T12:34:00Z", json.GetProperty("rejected_at").GetString());
    }

    [Fact]
    public void Order_filled_shows_side_quantity_price_and_whether_it_opens_or_closes()
    {
        var fill = Fill(opensPosition: false, OrderSide.Sell);

        var notice = NotificationFactory.Create(fill, EventId);
        var json = Parse(notice);

        Assert.Equal("FILLED SELL 0.0123 BTC/USDT @ 105,441.65 (fee 3.37, paper, closes position)", notice.Text);
        Assert.Equal(
            ["event", "event_id", "timestamp", "order_id", "client_order_id", "position_id", "signal_id", "venue", "instrument",
                "side", "quantity", "price", "fee", "opens_position", "is_paper", "filled_at"],
            Names(json));
        Assert.Equal("order-filled", json.GetProperty("event").GetString());
        Assert.Equal(fill.OrderId.ToString(), json.GetProperty("order_id").GetString());
        Assert.Equal("cls-abc", json.GetProperty("client_order_id").GetString());
        Assert.Equal(fill.PositionId.ToString(), json.GetProperty("position_id").GetString());
        Assert.Equal("SELL", json.GetProperty("side").GetString());
        Assert.Equal(0.0123m, json.GetProperty("quantity").GetDecimal());
        Assert.Equal(105_441.65m, json.GetProperty("price").GetDecimal());
        Assert.Equal(3.37m, json.GetProperty("fee").GetDecimal());
        Assert.False(json.GetProperty("opens_position").GetBoolean());
        Assert.True(json.GetProperty("is_paper").GetBoolean());
        Assert.Equal("2025-01-06T12:34:00Z", json.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Opening_fill_says_it_opens_a_position()
    {
        Assert.EndsWith("(fee 3.37, paper, opens position)", NotificationFactory.Create(Fill(true, OrderSide.Buy), EventId).Text);
    }

    [Fact]
    public void Position_closed_shows_exit_and_result()
    {
        var notice = NotificationFactory.Create(Closed(-4.3074m, -0.35m, ExitReason.StopLoss), EventId);
        var json = Parse(notice);

        Assert.Equal("CLOSED LONG 0.0123 BTC/USDT by stop loss: entry 105,441.6 exit 105,640.2 P&L -4.31 (-0.35R)", notice.Text);
        Assert.Equal(
            ["event", "event_id", "timestamp", "position_id", "signal_id", "venue", "instrument", "side", "quantity", "entry_price",
                "exit_price", "fees", "pnl", "r_multiple", "exit_reason", "opened_at", "closed_at", "holding_seconds"],
            Names(json));
        Assert.Equal("position-closed", json.GetProperty("event").GetString());
        Assert.Equal("LONG", json.GetProperty("side").GetString());
        Assert.Equal(-4.3074m, json.GetProperty("pnl").GetDecimal());
        Assert.Equal(-0.35m, json.GetProperty("r_multiple").GetDecimal());
        Assert.Equal("stop_loss", json.GetProperty("exit_reason").GetString());
        Assert.Equal("2025-01-06T12:04:00Z", json.GetProperty("opened_at").GetString());
        Assert.Equal("2025-01-06T12:34:00Z", json.GetProperty("closed_at").GetString());
    }

    [Fact]
    public void Winning_position_shows_signed_profit_and_r()
    {
        var closed = NoticeSamples.Closed with
        {
            Symbol = "ETH/USD",
            Side = OrderSide.Sell,
            Quantity = 1m,
            EntryPrice = 3_000m,
            ExitPrice = 2_900m,
            Fees = 15.34m,
            RealizedPnl = 84.66m,
            RMultiple = 1.69m,
            ExitReason = ExitReason.TakeProfit,
            OpenedAt = At,
        };

        Assert.Equal(
            "CLOSED SHORT 1 ETH/USD by take profit: entry 3,000 exit 2,900 P&L +84.66 (+1.69R)",
            NotificationFactory.Create(closed, EventId).Text);
    }

    [Fact]
    public void Trading_halted_tells_when_it_resumes()
    {
        var notice = NotificationFactory.Create(DailyLossHalt, EventId);
        var json = Parse(notice);

        Assert.Equal("HALTED trading by daily-loss: lost 3.1% today — resumes 2025-01-07 00:00 UTC", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "rule", "reason", "halted_at", "resumes_at"], Names(json));
        Assert.Equal("trading-halted", json.GetProperty("event").GetString());
        Assert.Equal("2025-01-07T00:00:00Z", json.GetProperty("resumes_at").GetString());
    }

    [Fact]
    public void Trading_halted_until_an_operator_resumes_has_a_null_resume_time()
    {
        var notice = NotificationFactory.Create(HaltUntilOperator, EventId);

        Assert.EndsWith("— until an operator resumes", notice.Text);
        Assert.Equal(JsonValueKind.Null, Parse(notice).GetProperty("resumes_at").ValueKind);
    }

    [Fact]
    public void Trading_resumed_gives_the_reason()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Resumed, EventId);
        var json = Parse(notice);

        Assert.Equal("RESUMED trading: new UTC day", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "reason", "resumed_at"], Names(json));
        Assert.Equal("trading-resumed", json.GetProperty("event").GetString());
    }

    [Fact]
    public void Feed_status_changed_names_venue_and_status()
    {
        var notice = NotificationFactory.Create(
            NoticeSamples.FeedDown with { Status = FeedStatus.Stale, Reason = "no message for 30 s", ChangedAt = At.AddMilliseconds(250) }, EventId);
        var json = Parse(notice);

        Assert.Equal("FEED KRAKEN is stale: no message for 30 s", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "venue", "status", "reason", "changed_at"], Names(json));
        Assert.Equal("feed-status-changed", json.GetProperty("event").GetString());
        Assert.Equal("stale", json.GetProperty("status").GetString());
        Assert.Equal("2025-01-06T12:34:00.25Z", json.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Timestamps_are_converted_to_utc()
    {
        var notice = NotificationFactory.Create(
            NoticeSamples.Resumed with { Reason = "operator", ResumedAt = new DateTimeOffset(2025, 1, 6, 14, 34, 0, TimeSpan.FromHours(2)) }, EventId);

        Assert.Equal("2025-01-06T12:34:00Z", Parse(notice).GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Signal_generated_reads_like_the_scanner_message()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Signal, EventId);

        Assert.Equal("LONG BTC/USDT 1m · ema-cross", notice.Title);
        Assert.Equal(
            [
                ("Strategy", "ema-cross"),
                ("Instrument", "BTC/USDT 1m (KRAKEN)"),
                ("Direction", "LONG"),
                ("Entry", "105,420.5"),
                ("Stop", "105,300.1 (-0.11%)"),
                ("Target", "105,661.3 (+0.23%)"),
                ("R:R", "2.0"),
                ("Backtest", "win rate 55.0% · profit factor 1.8 · 120 trades"),
                ("Confidence", "0.62"),
                ("Market", "Trending · 1h trend Up · macro trend Up"),
                ("Reason", "EMA(9) crossed above EMA(21)"),
            ],
            Pairs(notice));
        Assert.False(Assert.Single(notice.Fields, f => f.Name == "Reason").Inline);
        Assert.Equal(NoticeTone.Positive, notice.Tone);
        Assert.Equal(NoticeSeverity.Info, notice.Severity);
    }

    [Fact]
    public void Short_signal_is_coloured_negative()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Signal with { Direction = SignalDirection.Short }, EventId);

        Assert.Equal("SHORT BTC/USDT 1m · ema-cross", notice.Title);
        Assert.Equal("SHORT", Value(notice, "Direction"));
        Assert.Equal(NoticeTone.Negative, notice.Tone);
    }

    [Fact]
    public void Signal_without_backtest_or_context_says_so()
    {
        var notice = NotificationFactory.Create(NoticeSamples.BareSignal, EventId);
        var json = Parse(notice);

        Assert.Equal("no backtest record", Value(notice, "Backtest"));
        Assert.Equal("unknown", Value(notice, "Market"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("backtest").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("regime").ValueKind);
    }

    [Fact]
    public void Backtest_without_a_loss_or_failing_the_gate_reads_as_such()
    {
        var backtest = NoticeSamples.Backtest with { ProfitFactor = null, Passed = false, GateReasons = ["too few trades"] };

        var notice = NotificationFactory.Create(NoticeSamples.Signal with { Backtest = backtest }, EventId);

        Assert.Equal("win rate 55.0% · profit factor n/a (no loss) · 120 trades · failed the live gate", Value(notice, "Backtest"));
    }

    [Fact]
    public void Higher_timeframe_trend_without_its_interval_is_named_generically()
    {
        var signal = NoticeSamples.Signal with { Regime = null, HigherTimeframe = null, MacroTrend = null };

        Assert.Equal("higher timeframe trend Up", Value(NotificationFactory.Create(signal, EventId), "Market"));
    }

    [Fact]
    public void Signal_payload_carries_context_and_backtest_figures()
    {
        var json = Parse(NotificationFactory.Create(NoticeSamples.Signal, EventId));

        Assert.Equal("Trending", json.GetProperty("regime").GetString());
        Assert.Equal("1h", json.GetProperty("higher_timeframe").GetString());
        Assert.Equal("Up", json.GetProperty("higher_timeframe_trend").GetString());
        Assert.Equal("Up", json.GetProperty("macro_trend").GetString());
        var backtest = json.GetProperty("backtest");
        Assert.Equal(["trades", "win_rate", "profit_factor", "expectancy_r", "max_drawdown_pct", "passed"], Names(backtest));
        Assert.Equal(120, backtest.GetProperty("trades").GetInt32());
        Assert.Equal(0.55m, backtest.GetProperty("win_rate").GetDecimal());
        Assert.Equal(1.8m, backtest.GetProperty("profit_factor").GetDecimal());
        Assert.True(backtest.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public void Signal_approved_is_the_full_new_signal_message_with_size_and_risk()
    {
        var approved = NoticeSamples.Approved(NoticeSamples.Signal);

        var notice = NotificationFactory.Create(approved, EventId);

        Assert.Equal("signal-approved", notice.Event);
        Assert.Equal(approved.ApprovedAt, notice.OccurredAt);
        Assert.Equal("New signal: LONG BTC/USDT 1m · ema-cross", notice.Title);
        Assert.Equal(
            [
                ("Strategy", "ema-cross"),
                ("Instrument", "BTC/USDT 1m (KRAKEN)"),
                ("Direction", "LONG"),
                ("Entry", "105,420.5"),
                ("Stop", "105,300.1 (-0.11%)"),
                ("Target", "105,661.3 (+0.23%)"),
                ("R:R", "2.0"),
                ("Position size", "0.8305 BTC (87,551.73 USDT)"),
                ("Risk", "100.00 USDT (1.0% of equity 10,000.00)"),
                ("Backtest", "win rate 55.0% · profit factor 1.8 · 120 trades"),
                ("Confidence", "0.62"),
                ("Market", "Trending · 1h trend Up · macro trend Up"),
                ("Reason", "EMA(9) crossed above EMA(21)"),
                ("Sizing", "fixed fraction 1% of 10,000.00 over a stop distance of 120.4"),
            ],
            Pairs(notice));
        Assert.Equal(
            "NEW SIGNAL LONG BTC/USDT 1m ema-cross: entry 105,420.5 stop 105,300.1 target 105,661.3 R:R 2.0 " +
            "size 0.8305 BTC (87,551.73 USDT) risk 100.00 USDT (confidence 0.62) — EMA(9) crossed above EMA(21)",
            notice.Text);
        Assert.Equal(NoticeTone.Positive, notice.Tone);
        Assert.Equal(NoticeSeverity.Info, notice.Severity);
    }

    [Fact]
    public void Signal_approved_payload_is_the_signal_export_plus_sizing()
    {
        var approved = NoticeSamples.Approved(NoticeSamples.Signal with { Direction = SignalDirection.Short });

        var json = Parse(NotificationFactory.Create(approved, EventId));

        Assert.Equal(
            ["event", "event_id", "timestamp", "signal_id", "signal", "venue", "instrument", "interval", "direction", "entry",
                "stop_loss", "take_profit", "risk_reward", "confidence", "reason", "regime", "higher_timeframe", "higher_timeframe_trend",
                "macro_trend", "backtest", "quantity", "notional", "risk_amount", "equity", "sizing_reason", "signal_at", "approved_at"],
            Names(json));
        Assert.Equal("signal-approved", json.GetProperty("event").GetString());
        Assert.Equal("2025-01-06T12:34:00.04Z", json.GetProperty("timestamp").GetString());
        Assert.Equal("2025-01-06T12:34:00Z", json.GetProperty("signal_at").GetString());
        Assert.Equal("SHORT", json.GetProperty("direction").GetString());
        Assert.Equal(105_420.5m, json.GetProperty("entry").GetDecimal());
        Assert.Equal(0.8305m, json.GetProperty("quantity").GetDecimal());
        Assert.Equal(87_551.73m, json.GetProperty("notional").GetDecimal());
        Assert.Equal(100m, json.GetProperty("risk_amount").GetDecimal());
        Assert.Equal(10_000m, json.GetProperty("equity").GetDecimal());
    }

    [Fact]
    public void Risk_share_is_left_out_without_equity()
    {
        var approved = NoticeSamples.Approved(NoticeSamples.Signal) with { Equity = 0m };

        Assert.Equal("100.00 USDT", Value(NotificationFactory.Create(approved, EventId), "Risk"));
    }

    [Fact]
    public void Signal_rejected_is_a_warning_with_rule_and_reason()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Rejected, EventId);

        Assert.Equal("Signal rejected: ETH/USD", notice.Title);
        Assert.Equal(
            [("Instrument", "ETH/USD"), ("Rule", "max-open-positions"), ("Reason", "2 positions already open"), ("Signal", SignalId.ToString())],
            Pairs(notice));
        Assert.Equal(NoticeTone.Alert, notice.Tone);
        Assert.Equal(NoticeSeverity.Warning, notice.Severity);
    }

    [Fact]
    public void Order_filled_lists_the_fill_with_units()
    {
        var notice = NotificationFactory.Create(Fill(opensPosition: false, OrderSide.Sell), EventId);

        Assert.Equal("Order filled: SELL 0.0123 BTC/USDT @ 105,441.65", notice.Title);
        Assert.Equal(
            [
                ("Side", "SELL"),
                ("Quantity", "0.0123 BTC"),
                ("Price", "105,441.65"),
                ("Notional", "1,296.93 USDT"),
                ("Fee", "3.37 USDT"),
                ("Position", "closes"),
                ("Mode", "paper"),
                ("Venue", "KRAKEN"),
                ("Order", "cls-abc"),
            ],
            Pairs(notice));
        Assert.Equal(NoticeSeverity.Info, notice.Severity);
    }

    [Theory]
    [InlineData(true, OrderSide.Buy, NoticeTone.Positive)]
    [InlineData(true, OrderSide.Sell, NoticeTone.Negative)]
    [InlineData(false, OrderSide.Sell, NoticeTone.Neutral)]
    [InlineData(false, OrderSide.Buy, NoticeTone.Neutral)]
    public void Fill_is_coloured_by_the_position_it_opens(bool opens, OrderSide side, NoticeTone tone)
    {
        Assert.Equal(tone, NotificationFactory.Create(Fill(opens, side), EventId).Tone);
    }

    [Fact]
    public void Position_closed_shows_net_pnl_r_exit_and_holding_time()
    {
        var closed = Closed(-4.3074m, -0.35m, ExitReason.StopLoss) with { OpenedAt = At.AddMinutes(-95).AddSeconds(-7) };

        var notice = NotificationFactory.Create(closed, EventId);

        Assert.Equal("Position closed: LONG BTC/USDT -4.31 (-0.35R)", notice.Title);
        Assert.Equal(
            [
                ("P&L (net)", "-4.31 USDT"),
                ("R multiple", "-0.35R"),
                ("Exit reason", "stop loss"),
                ("Held", "1h 35m"),
                ("Entry", "105,441.6"),
                ("Exit", "105,640.2"),
                ("Quantity", "0.0123 BTC"),
                ("Fees", "6.75 USDT"),
                ("Venue", "KRAKEN"),
            ],
            Pairs(notice));
        Assert.Equal(5707, Parse(notice).GetProperty("holding_seconds").GetInt64());
        Assert.Equal(NoticeTone.Negative, notice.Tone);
    }

    [Theory]
    [InlineData(84.66, NoticeTone.Positive)]
    [InlineData(-0.01, NoticeTone.Negative)]
    [InlineData(0, NoticeTone.Neutral)]
    public void Position_closed_is_coloured_by_the_sign_of_the_pnl(decimal pnl, NoticeTone tone)
    {
        Assert.Equal(tone, NotificationFactory.Create(Closed(pnl, 0m, ExitReason.TakeProfit), EventId).Tone);
    }

    [Fact]
    public void Trailing_stop_exit_reads_in_words()
    {
        var notice = NotificationFactory.Create(Closed(12m, 0.8m, ExitReason.TrailingStop), EventId);

        Assert.Equal("trailing stop", Value(notice, "Exit reason"));
        Assert.Equal("trailing_stop", Parse(notice).GetProperty("exit_reason").GetString());
    }

    [Fact]
    public void Trading_halted_is_a_critical_alert_with_rule_reason_and_resume_time()
    {
        var notice = NotificationFactory.Create(DailyLossHalt, EventId);

        Assert.Equal("Trading halted: daily-loss", notice.Title);
        Assert.Equal([("Rule", "daily-loss"), ("Resumes", "2025-01-07 00:00 UTC"), ("Reason", "lost 3.1% today")], Pairs(notice));
        Assert.Equal(NoticeTone.Alert, notice.Tone);
        Assert.Equal(NoticeSeverity.Critical, notice.Severity);
    }

    [Fact]
    public void Trading_halted_until_an_operator_says_so_in_the_fields()
    {
        var notice = NotificationFactory.Create(HaltUntilOperator, EventId);

        Assert.Equal("when an operator resumes", Value(notice, "Resumes"));
    }

    [Fact]
    public void Trading_resumed_is_positive()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Resumed, EventId);

        Assert.Equal("Trading resumed", notice.Title);
        Assert.Equal([("Reason", "new UTC day")], Pairs(notice));
        Assert.Equal(NoticeTone.Positive, notice.Tone);
        Assert.Equal(NoticeSeverity.Info, notice.Severity);
    }

    [Theory]
    [InlineData(FeedStatus.Down, "Feed down: KRAKEN", NoticeTone.Alert, NoticeSeverity.Warning)]
    [InlineData(FeedStatus.Stale, "Feed down: KRAKEN (stale)", NoticeTone.Alert, NoticeSeverity.Warning)]
    [InlineData(FeedStatus.Live, "Feed recovered: KRAKEN", NoticeTone.Positive, NoticeSeverity.Info)]
    [InlineData(FeedStatus.Connecting, "Feed connecting: KRAKEN", NoticeTone.Neutral, NoticeSeverity.Info)]
    [InlineData(FeedStatus.Completed, "Feed completed: KRAKEN", NoticeTone.Neutral, NoticeSeverity.Info)]
    public void Feed_down_is_a_warning_and_live_again_a_recovery(FeedStatus status, string title, NoticeTone tone, NoticeSeverity severity)
    {
        var notice = NotificationFactory.Create(NoticeSamples.FeedDown with { Status = status, Reason = "why" }, EventId);

        Assert.Equal(title, notice.Title);
        Assert.Equal(tone, notice.Tone);
        Assert.Equal(severity, notice.Severity);
        Assert.Equal([("Venue", "KRAKEN"), ("Status", status.ToString().ToLowerInvariant()), ("Reason", "why")], Pairs(notice));
    }

    [Fact]
    public void Feed_without_a_reason_has_no_reason_field()
    {
        var notice = NotificationFactory.Create(NoticeSamples.FeedDown with { Status = FeedStatus.Live, Reason = " " }, EventId);

        Assert.Equal(["Venue", "Status"], notice.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Live_performance_deviated_compares_live_with_backtest()
    {
        var deviated = NoticeSamples.Deviated with
        {
            Symbol = "BTC/USD",
            ProfitFactor = null,
            BacktestMaxDrawdownPct = 8m,
            Deviations = ["win rate too low", "drawdown too deep"],
        };

        var notice = NotificationFactory.Create(deviated, EventId);
        var json = Parse(notice);

        Assert.Equal("live-performance-deviated", notice.Event);
        Assert.Equal("Live results off backtest: ema-cross BTC/USD 15m", notice.Title);
        Assert.Equal(
            [
                ("Strategy", "ema-cross"),
                ("Instrument", "BTC/USD 15m"),
                ("Live trades", "30"),
                ("Win rate", "30.0% (backtest 55.0%)"),
                ("Profit factor", "n/a (no loss) (backtest 1.8)"),
                ("Max drawdown", "12.5% (backtest 8.0%)"),
                ("Deviations", "win rate too low; drawdown too deep"),
                ("Status", "disabled until an operator enables it"),
            ],
            Pairs(notice));
        Assert.Equal(
            "DEVIATED ema-cross BTC/USD 15m after 30 live trades: win rate too low; drawdown too deep — disabled until an operator enables it",
            notice.Text);
        Assert.Equal(NoticeTone.Alert, notice.Tone);
        Assert.Equal(NoticeSeverity.Warning, notice.Severity);
        Assert.Equal(
            ["event", "event_id", "timestamp", "strategy", "instrument", "interval", "trades", "win_rate", "profit_factor", "max_drawdown_pct",
                "backtest_win_rate", "backtest_profit_factor", "backtest_max_drawdown_pct", "deviations", "disabled", "deviated_at"],
            Names(json));
        Assert.Equal(["win rate too low", "drawdown too deep"], json.GetProperty("deviations").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("profit_factor").ValueKind);
        Assert.True(json.GetProperty("disabled").GetBoolean());
    }

    [Fact]
    public void Deviation_that_left_the_strategy_enabled_says_so()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Deviated, EventId);
        var enabled = NotificationFactory.Create(
            NoticeSamples.Deviated with
            {
                Strategy = "rsi",
                Symbol = "ETH/USD",
                Interval = "5m",
                Trades = 25,
                WinRate = 0.4m,
                ProfitFactor = null,
                MaxDrawdownPct = 5m,
                BacktestWinRate = 0.5m,
                BacktestProfitFactor = null,
                BacktestMaxDrawdownPct = 4m,
                Deviations = [],
                Disabled = false,
            },
            EventId);

        Assert.Equal("disabled until an operator enables it", Value(notice, "Status"));
        Assert.Equal("still enabled", Value(enabled, "Status"));
        Assert.Equal("none listed", Value(enabled, "Deviations"));
        Assert.Equal("n/a (no loss) (backtest n/a (no loss))", Value(enabled, "Profit factor"));
    }

    [Fact]
    public void Risk_limits_changed_shows_one_field_per_change()
    {
        var notice = NotificationFactory.Create(
            NoticeSamples.LimitsChanged with { Changes = ["maxOpenPositions: 2 → 3", "killSwitch on"] }, EventId);
        var json = Parse(notice);

        Assert.Equal("Risk limits changed", notice.Title);
        Assert.Equal([("maxOpenPositions", "2 → 3"), ("Change", "killSwitch on"), ("Reason", "more capital")], Pairs(notice));
        Assert.Equal("LIMITS changed: maxOpenPositions: 2 → 3; killSwitch on — more capital", notice.Text);
        Assert.Equal(NoticeSeverity.Info, notice.Severity);
        Assert.Equal(NoticeTone.Neutral, notice.Tone);
        Assert.Equal(["event", "event_id", "timestamp", "changes", "reason", "changed_at"], Names(json));
        Assert.Equal("maxOpenPositions: 2 → 3", json.GetProperty("changes")[0].GetString());
    }

    [Fact]
    public void System_started_and_stopped_name_instance_and_version()
    {
        var started = NotificationFactory.SystemStarted(ServiceInstance, ServiceVersion, At, EventId);
        var stopped = NotificationFactory.SystemStopped(ServiceInstance, null, At, EventId);

        Assert.Equal("system-started", started.Event);
        Assert.Equal("System started: notification-1", started.Title);
        Assert.Equal("STARTED notification-1 (version 1.4.0)", started.Text);
        Assert.Equal([("Instance", "notification-1"), ("Version", "1.4.0"), ("At", "2025-01-06 12:34 UTC")], Pairs(started));
        Assert.Equal(["event", "event_id", "timestamp", "instance", "version", "started_at"], Names(Parse(started)));
        Assert.Equal("system-stopped", stopped.Event);
        Assert.Equal("STOPPED notification-1", stopped.Text);
        Assert.Equal([("Instance", "notification-1"), ("At", "2025-01-06 12:34 UTC")], Pairs(stopped));
        Assert.Equal(JsonValueKind.Null, Parse(stopped).GetProperty("version").ValueKind);
        Assert.Equal("2025-01-06T12:34:00Z", Parse(stopped).GetProperty("stopped_at").GetString());
        Assert.Equal(EventId, stopped.EventId);
    }

    [Fact]
    public void Status_report_gives_runtime_counts_equity_and_pnl_today()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Status, EventId);
        var json = Parse(notice);

        Assert.Equal("Status report", notice.Title);
        Assert.Equal(
            "STATUS up 3h 05m: 12,345 candles, 4 signals, 1 open position, equity 10,250.50, P&L today +50.00", notice.Text);
        Assert.Equal(
            [
                ("Runtime", "3h 05m"), ("Candles processed", "12,345"), ("Signals", "4"), ("Open positions", "1"), ("Equity", "10,250.50"),
                ("P&L today", "+50.00"),
            ],
            Pairs(notice));
        Assert.Equal(
            ["event", "event_id", "timestamp", "runtime_seconds", "candles_processed", "signals", "open_positions", "equity", "pnl_today"],
            Names(json));
        Assert.Equal(11_100, json.GetProperty("runtime_seconds").GetInt64());
        Assert.Equal(10_250.5m, json.GetProperty("equity").GetDecimal());
    }

    [Fact]
    public void Status_report_without_account_figures_says_unknown()
    {
        var notice = NotificationFactory.Create(
            NoticeSamples.Status with
            {
                Runtime = TimeSpan.FromSeconds(42),
                CandlesProcessed = 0,
                Signals = 0,
                OpenPositions = 2,
                Equity = null,
                PnlToday = null,
            }, EventId);

        Assert.Equal("STATUS up 42s: 0 candles, 0 signals, 2 open positions, equity unknown, P&L today unknown", notice.Text);
        Assert.Equal(JsonValueKind.Null, Parse(notice).GetProperty("equity").ValueKind);
    }

    [Fact]
    public void Daily_summary_sums_up_the_day_at_its_end()
    {
        var notice = NotificationFactory.Create(NoticeSamples.Summary, EventId);
        var json = Parse(notice);

        Assert.Equal("Daily summary 2025-01-06", notice.Title);
        Assert.Equal(new DateTimeOffset(2025, 1, 7, 0, 0, 0, TimeSpan.Zero), notice.OccurredAt);
        Assert.Equal(
            "DAY 2025-01-06: 5 trades (3 won, 2 lost, win rate 60.0%), net +120.50, best +80.00, worst -30.00, 8 signals, 3 rejected, equity 10,120.50",
            notice.Text);
        Assert.Equal(
            [
                ("Net P&L", "+120.50"), ("Trades", "5"), ("Won / lost", "3 / 2"), ("Win rate", "60.0%"), ("Best trade", "+80.00"),
                ("Worst trade", "-30.00"), ("Signals", "8"), ("Rejected", "3"), ("Equity", "10,120.50"),
            ],
            Pairs(notice));
        Assert.Equal(NoticeTone.Positive, notice.Tone);
        Assert.Equal(
            ["event", "event_id", "timestamp", "day", "trades", "wins", "losses", "net_pnl", "best_trade", "worst_trade", "equity", "signals",
                "rejections"],
            Names(json));
        Assert.Equal("2025-01-06", json.GetProperty("day").GetString());
        Assert.Equal("2025-01-07T00:00:00Z", json.GetProperty("timestamp").GetString());
    }

    [Fact]
    public void Daily_summary_of_a_day_without_trades()
    {
        var notice = NotificationFactory.Create(
            NoticeSamples.Summary with
            {
                Trades = 0,
                Wins = 0,
                Losses = 0,
                NetPnl = 0m,
                BestTrade = null,
                WorstTrade = null,
                Equity = null,
                Signals = 2,
                Rejections = 2,
            }, EventId);

        Assert.Equal(
            "DAY 2025-01-06: 0 trades (0 won, 0 lost, win rate n/a), net +0.00, best none, worst none, 2 signals, 2 rejected, equity unknown",
            notice.Text);
        Assert.Equal(NoticeTone.Neutral, notice.Tone);
    }

    private static readonly TradingHalted DailyLossHalt = NoticeSamples.Halted with { Rule = "daily-loss" };

    private static readonly TradingHalted HaltUntilOperator = NoticeSamples.Halted with { Rule = "max-drawdown", Reason = "drawdown 15%", ResumesAt = null };

    /// <summary>The sample closed position with the given result, exiting at 105,640.2.</summary>
    private static PositionClosed Closed(decimal pnl, decimal r, ExitReason reason) =>
        NoticeSamples.Closed with { ExitPrice = 105_640.2m, RealizedPnl = pnl, RMultiple = r, ExitReason = reason };

    private static (string Name, string Value)[] Pairs(Notice notice) => [.. notice.Fields.Select(f => (f.Name, f.Value))];

    private static string Value(Notice notice, string name) => Assert.Single(notice.Fields, f => f.Name == name).Value;

    private static OrderFilled Fill(bool opensPosition, OrderSide side) => NoticeSamples.Fill with { OpensPosition = opensPosition, Side = side };

    private static JsonElement Parse(Notice notice) => JsonDocument.Parse(notice.Json).RootElement.Clone();

    private static string[] Names(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];
}
