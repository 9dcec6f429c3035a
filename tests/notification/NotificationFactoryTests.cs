using System.Text.Json;
using Trading.Contracts.MarketData;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Notification.Notifications;

namespace Trading.Notification.Tests;

public sealed class NotificationFactoryTests
{
    private static readonly Guid EventId = Guid.Parse("11111111-2222-4333-8444-555555555555");
    private static readonly Guid SignalId = Guid.Parse("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
    private static readonly DateTimeOffset At = new(2025, 1, 6, 12, 34, 0, TimeSpan.Zero);

    private static readonly SignalGenerated Signal = new()
    {
        SignalId = SignalId,
        Strategy = "ema-cross",
        Venue = "KRAKEN",
        Symbol = "BTC/USDT",
        Interval = "1m",
        Direction = SignalDirection.Long,
        Entry = 105_420.5m,
        StopLoss = 105_300.1m,
        TakeProfit = 105_661.3m,
        RiskReward = 2.0m,
        Confidence = 0.62m,
        Reason = "EMA(9) crossed above EMA(21)",
        SignalAt = At,
    };

    [Fact]
    public void Signal_generated_reads_as_one_line_with_levels_and_reason()
    {
        var notice = NotificationFactory.Create(Signal, EventId);

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
        var json = Parse(NotificationFactory.Create(Signal with { Direction = SignalDirection.Short }, EventId));

        Assert.Equal(
            ["event", "event_id", "timestamp", "signal_id", "signal", "venue", "instrument", "interval", "direction", "entry",
                "stop_loss", "take_profit", "risk_reward", "confidence", "reason"],
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
        var notice = NotificationFactory.Create(Signal with { Reason = "trend up — RSI < 70 & volume +20%" }, EventId);

        Assert.Contains("\"reason\":\"trend up — RSI < 70 & volume +20%\"", notice.Json);
    }

    [Fact]
    public void Signal_rejected_names_rule_and_reason()
    {
        var notice = NotificationFactory.Create(
            new SignalRejected { SignalId = SignalId, Symbol = "ETH/USD", Rule = "max-open-positions", Reason = "2 positions already open", RejectedAt = At },
            EventId);
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
        var closed = new PositionClosed
        {
            PositionId = Guid.NewGuid(),
            SignalId = SignalId,
            Venue = "KRAKEN",
            Symbol = "BTC/USDT",
            Side = OrderSide.Buy,
            Quantity = 0.0123m,
            EntryPrice = 105_441.6m,
            ExitPrice = 105_640.2m,
            Fees = 6.75m,
            RealizedPnl = -4.3074m,
            RMultiple = -0.35m,
            ExitReason = ExitReason.StopLoss,
            OpenedAt = At.AddMinutes(-30),
            ClosedAt = At,
        };

        var notice = NotificationFactory.Create(closed, EventId);
        var json = Parse(notice);

        Assert.Equal("CLOSED LONG 0.0123 BTC/USDT by stop loss: entry 105,441.6 exit 105,640.2 P&L -4.31 (-0.35R)", notice.Text);
        Assert.Equal(
            ["event", "event_id", "timestamp", "position_id", "signal_id", "venue", "instrument", "side", "quantity", "entry_price",
                "exit_price", "fees", "pnl", "r_multiple", "exit_reason", "opened_at", "closed_at"],
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
        var closed = new PositionClosed
        {
            PositionId = Guid.NewGuid(),
            SignalId = SignalId,
            Venue = "KRAKEN",
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
            ClosedAt = At,
        };

        Assert.Equal(
            "CLOSED SHORT 1 ETH/USD by take profit: entry 3,000 exit 2,900 P&L +84.66 (+1.69R)",
            NotificationFactory.Create(closed, EventId).Text);
    }

    [Fact]
    public void Trading_halted_tells_when_it_resumes()
    {
        var halted = new TradingHalted { Rule = "daily-loss", Reason = "lost 3.1% today", HaltedAt = At, ResumesAt = new DateTimeOffset(2025, 1, 7, 0, 0, 0, TimeSpan.Zero) };

        var notice = NotificationFactory.Create(halted, EventId);
        var json = Parse(notice);

        Assert.Equal("HALTED trading by daily-loss: lost 3.1% today — resumes 2025-01-07 00:00 UTC", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "rule", "reason", "halted_at", "resumes_at"], Names(json));
        Assert.Equal("trading-halted", json.GetProperty("event").GetString());
        Assert.Equal("2025-01-07T00:00:00Z", json.GetProperty("resumes_at").GetString());
    }

    [Fact]
    public void Trading_halted_until_an_operator_resumes_has_a_null_resume_time()
    {
        var notice = NotificationFactory.Create(new TradingHalted { Rule = "max-drawdown", Reason = "drawdown 15%", HaltedAt = At }, EventId);

        Assert.EndsWith("— until an operator resumes", notice.Text);
        Assert.Equal(JsonValueKind.Null, Parse(notice).GetProperty("resumes_at").ValueKind);
    }

    [Fact]
    public void Trading_resumed_gives_the_reason()
    {
        var notice = NotificationFactory.Create(new TradingResumed { Reason = "new UTC day", ResumedAt = At }, EventId);
        var json = Parse(notice);

        Assert.Equal("RESUMED trading: new UTC day", notice.Text);
        Assert.Equal(["event", "event_id", "timestamp", "reason", "resumed_at"], Names(json));
        Assert.Equal("trading-resumed", json.GetProperty("event").GetString());
    }

    [Fact]
    public void Feed_status_changed_names_venue_and_status()
    {
        var notice = NotificationFactory.Create(
            new FeedStatusChanged { Venue = "KRAKEN", Status = FeedStatus.Stale, Reason = "no message for 30 s", ChangedAt = At.AddMilliseconds(250) },
            EventId);
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
        var notice = NotificationFactory.Create(new TradingResumed { Reason = "operator", ResumedAt = new DateTimeOffset(2025, 1, 6, 14, 34, 0, TimeSpan.FromHours(2)) }, EventId);

        Assert.Equal("2025-01-06T12:34:00Z", Parse(notice).GetProperty("timestamp").GetString());
    }

    private static OrderFilled Fill(bool opensPosition, OrderSide side) => new()
    {
        OrderId = Guid.NewGuid(),
        ClientOrderId = "cls-abc",
        PositionId = Guid.NewGuid(),
        SignalId = SignalId,
        Venue = "KRAKEN",
        Symbol = "BTC/USDT",
        Side = side,
        Quantity = 0.0123m,
        Price = 105_441.65m,
        Fee = 3.37m,
        OpensPosition = opensPosition,
        IsPaper = true,
        FilledAt = At,
    };

    private static JsonElement Parse(Notice notice) => JsonDocument.Parse(notice.Json).RootElement.Clone();

    private static string[] Names(JsonElement json) => [.. json.EnumerateObject().Select(p => p.Name)];
}
