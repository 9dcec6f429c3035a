using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Tests;

public sealed class PaperBookExitTests
{
    private static readonly DateTimeOffset OpenedAt = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly PaperExecutionModel Model = new() { SlippageBps = 10m, SizeImpactBps = 0m, TakerFeeRate = 0.001m, MakerFeeRate = 0.0005m };
    private static readonly PaperExitRules Trailing = new() { TrailingStop = new TrailingStopRule { Enabled = true, ActivationR = 1m, DistanceR = 1m } };

    [Fact]
    public void A_trailed_stop_is_carried_in_the_position_and_continues_in_a_new_book_after_a_restart()
    {
        var book = new PaperBook(Model, Trailing, [], [Open(TradeDirection.Long, entry: 100m, stop: 95m, target: 150m)]);

        book.OnTrade(106m, OpenedAt.AddMinutes(1));
        book.OnTrade(102m, OpenedAt.AddMinutes(2));
        var restored = Assert.Single(book.OpenPositions);
        var restarted = new PaperBook(Model, Trailing, [], [restored]);
        var exit = Assert.Single(restarted.OnTrade(100.5m, OpenedAt.AddMinutes(3)).Exits);

        Assert.Equal((101m, 106m), (restored.CurrentStop, restored.BestPrice));
        Assert.Equal(PositionExit.TrailingStop, exit.Exit);
        Assert.Equal(ExitReason.TrailingStop, FillMessages.Closed(exit).ExitReason);
        Assert.Equal(100.5m * (1m - 0.001m), exit.Price);
        Assert.Equal(FillLiquidity.Taker, exit.Fill.Liquidity);
    }

    [Fact]
    public void Without_the_trailing_stop_the_position_state_does_not_change()
    {
        var position = Open(TradeDirection.Long, entry: 100m, stop: 95m, target: 150m);
        var book = new PaperBook(Model, new PaperExitRules(), [], [position]);

        book.OnTrade(140m, OpenedAt.AddMinutes(1));

        Assert.Same(position, Assert.Single(book.OpenPositions));
    }

    [Fact]
    public void Time_exit_closes_on_the_first_trade_at_opened_at_plus_24_hours_not_one_tick_before()
    {
        var book = new PaperBook(Model, new PaperExitRules(), [], [Open(TradeDirection.Short, entry: 100m, stop: 105m, target: 90m)]);

        var before = book.OnTrade(100m, OpenedAt.AddHours(24).AddTicks(-1));
        var exit = Assert.Single(book.OnTrade(100m, OpenedAt.AddHours(24)).Exits);

        Assert.True(before.IsEmpty);
        Assert.Equal(PositionExit.TimeExit, exit.Exit);
        Assert.Equal(100.1m, exit.Price);
        Assert.Equal(100.1m * 2m * 0.001m, exit.Fee);
        Assert.Equal(OpenedAt.AddHours(24), exit.ClosedAt);
    }

    [Fact]
    public void Flatten_closes_every_position_at_the_latest_trade_when_it_is_newer_than_the_quote()
    {
        var book = new PaperBook(Model, new PaperExitRules(), [], [Open(TradeDirection.Long, 100m, 95m, 110m), Open(TradeDirection.Short, 100m, 105m, 90m)]);
        var trade = new MarketTrade { TradeId = "t9", Price = 102m, ExchangeTime = OpenedAt.AddMinutes(9) };
        var quote = new MarketQuote { Bid = 101.9m, Ask = 102.1m, ExchangeTime = OpenedAt.AddMinutes(9).AddSeconds(-1) };

        var exits = book.Flatten(trade, quote).Exits;

        Assert.Equal([PositionExit.Flatten, PositionExit.Flatten], exits.Select(e => e.Exit));
        Assert.Equal(102m * 0.999m - 0.1m, exits[0].Price);
        Assert.Equal(102m * 1.001m + 0.1m, exits[1].Price);
        Assert.All(exits, e => Assert.Equal(trade.ExchangeTime, e.ClosedAt));
        Assert.Empty(book.OpenPositions);
    }

    [Fact]
    public void Flatten_uses_the_quote_side_when_the_quote_is_newer()
    {
        var book = new PaperBook(Model, new PaperExitRules(), [], [Open(TradeDirection.Long, 100m, 95m, 110m)]);
        var trade = new MarketTrade { TradeId = "t9", Price = 102m, ExchangeTime = OpenedAt.AddMinutes(9) };
        var quote = new MarketQuote { Bid = 101m, Ask = 101.2m, ExchangeTime = OpenedAt.AddMinutes(10) };

        var exit = Assert.Single(book.Flatten(trade, quote).Exits);

        Assert.Equal(101m * 0.999m, exit.Price);
        Assert.Equal(OpenedAt.AddMinutes(10), exit.ClosedAt);
        Assert.Equal(ExitReason.Flatten, FillMessages.Closed(exit).ExitReason);
    }

    [Fact]
    public void Flatten_without_any_known_price_closes_nothing()
    {
        var book = new PaperBook(Model, new PaperExitRules(), [], [Open(TradeDirection.Long, 100m, 95m, 110m)]);

        Assert.Same(TradeOutcome.None, book.Flatten(null, null));
        Assert.Single(book.OpenPositions);
    }

    [Fact]
    public void A_quote_at_or_after_the_signal_fills_a_buy_at_the_ask_and_a_sell_at_the_bid()
    {
        var buy = Pending(OrderSide.Buy, 95m, 110m);
        var sell = Pending(OrderSide.Sell, 105m, 90m);
        var early = Pending(OrderSide.Buy, 95m, 110m) with { SignalAt = OpenedAt.AddSeconds(1) };
        var book = new PaperBook(Model, new PaperExitRules(), [buy, sell, early], []);

        var entries = book.OnQuote(new MarketQuote { Bid = 99m, Ask = 101m, ExchangeTime = OpenedAt }).Entries;

        Assert.Equal([buy.OrderId, sell.OrderId], entries.Select(e => e.Order.OrderId));
        Assert.Equal(101m * 1.001m, entries[0].Price);
        Assert.Equal(99m * 0.999m, entries[1].Price);
        Assert.Equal(OpenedAt, entries[0].FilledAt);
        Assert.Equal([early], book.PendingOrders);
    }

    private static PendingOrder Pending(OrderSide side, decimal stop, decimal target) =>
        PaperOrders.Pending(side, 100m, stop, target, OpenedAt, quantity: 1m);

    private static OpenPosition Open(TradeDirection direction, decimal entry, decimal stop, decimal target) =>
        PaperOrders.Open(direction, entry, stop, target, OpenedAt);
}
