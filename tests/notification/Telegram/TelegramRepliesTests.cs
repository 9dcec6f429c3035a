using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Notification.Telegram;

namespace Trading.Notification.Tests.Telegram;

public sealed class TelegramRepliesTests
{
    private static readonly DateTimeOffset At = new(2025, 11, 10, 17, 25, 0, TimeSpan.Zero);

    [Fact]
    public void Status_shows_the_account_and_each_halt_with_its_reason_escaped()
    {
        var status = new TradingStatus
        {
            Equity = 9_700m,
            PeakEquity = 10_000m,
            Drawdown = 0.03m,
            PnlToday = -300m,
            OpenPositions = 2,
            Halted = true,
            Halts = ["kill-switch: Kill switch engaged by telegram:desk: <b>news</b> & more"],
            StatusAt = At,
        };

        var text = TelegramReplies.Status(status);

        Assert.Equal(
            "⛔ <b>Trading halted</b>\nEquity: 9,700.00 (peak 10,000.00, drawdown 3.00 %)\nP&amp;L today: -300.00\nOpen positions: 2\n" +
            "• kill-switch: Kill switch engaged by telegram:desk: &lt;b&gt;news&lt;/b&gt; &amp; more",
            text);
    }

    [Fact]
    public void Status_of_a_trading_account_has_no_halt_lines()
    {
        var status = new TradingStatus
        {
            Equity = 10_250.5m,
            PeakEquity = 10_250.5m,
            Drawdown = 0m,
            PnlToday = 250.5m,
            OpenPositions = 0,
            Halted = false,
            Halts = [],
            StatusAt = At,
        };

        var text = TelegramReplies.Status(status);

        Assert.Equal("✅ <b>Trading</b>\nEquity: 10,250.50 (peak 10,250.50, drawdown 0.00 %)\nP&amp;L today: +250.50\nOpen positions: 0", text);
    }

    [Fact]
    public void Positions_show_the_short_id_to_close_by_and_the_pnl_when_a_price_is_known()
    {
        var list = new OpenPositionsList
        {
            Positions =
            [
                new OpenPositionItem
                {
                    PositionId = Guid.Parse("1a2b3c4d-0000-4000-8000-000000000001"), SignalId = Guid.NewGuid(), Venue = "KRAKEN", Symbol = "BTC/USD",
                    Side = OrderSide.Buy, Quantity = 0.01m, EntryPrice = 105_410m, StopLoss = 104_000m, TakeProfit = 108_000m, OpenedAt = At,
                    LastPrice = 105_600m, UnrealizedPnl = 1.25m,
                },
                new OpenPositionItem
                {
                    PositionId = Guid.Parse("9f8e7d6c-0000-4000-8000-000000000002"), SignalId = Guid.NewGuid(), Venue = "KRAKEN", Symbol = "ETH/USD",
                    Side = OrderSide.Sell, Quantity = 0.5m, EntryPrice = 3_500m, StopLoss = 3_600m, TakeProfit = 3_200m, OpenedAt = At,
                },
            ],
            ListedAt = At,
        };

        var text = TelegramReplies.Positions(list);

        Assert.Equal(
            "<b>2 open positions</b>\n" +
            "<code>1a2b3c4d</code> long 0.01 BTC/USD @ 105410, stop 104000, target 108000; now 105600, P&amp;L +1.25\n" +
            "<code>9f8e7d6c</code> short 0.5 ETH/USD @ 3500, stop 3600, target 3200",
            text);
        Assert.Equal("No open positions.", TelegramReplies.Positions(new OpenPositionsList { Positions = [], ListedAt = At }));
    }

    [Fact]
    public void Stats_show_win_rate_and_profit_factor_and_say_when_there_is_no_loss()
    {
        var stats = new TradingStats { ClosedTrades = 4, Wins = 3, Losses = 1, WinRate = 0.75m, ProfitFactor = 2.5m, NetPnl = 150m, StatsAt = At };
        var noLoss = stats with { ClosedTrades = 1, Wins = 1, Losses = 0, WinRate = 1m, ProfitFactor = null, NetPnl = 10m };

        var text = TelegramReplies.Stats(stats);

        Assert.Equal("<b>4 closed trades</b>\nWins 3, losses 1, win rate 75.0 %\nProfit factor: 2.50\nNet P&amp;L: +150.00", text);
        Assert.Contains("Profit factor: ∞ (no losing trade)", TelegramReplies.Stats(noLoss));
        Assert.Equal("No closed trades yet.", TelegramReplies.Stats(stats with { ClosedTrades = 0, Wins = 0, Losses = 0, WinRate = 0m, NetPnl = 0m }));
    }

    [Fact]
    public void Command_results_are_marked_and_escaped()
    {
        var applied = new OperatorCommandResult { CommandId = Guid.NewGuid(), Applied = true, Summary = "Closed <1> & done", AnsweredAt = At };

        Assert.Equal("✅ Closed &lt;1&gt; &amp; done", TelegramReplies.Result(applied));
        Assert.Equal("ℹ️ Nothing to lift.", TelegramReplies.Result(applied with { Applied = false, Summary = "Nothing to lift." }));
        Assert.Equal("Unknown command /x&lt;y. Send /help for the list.", TelegramReplies.Unknown("x<y"));
    }
}
