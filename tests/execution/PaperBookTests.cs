using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Tests;

public sealed class PaperBookTests
{
    private static readonly DateTimeOffset SignalAt = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly PaperExecutionModel Model = new() { SlippageBps = 10m, SizeImpactBps = 0m, TakerFeeRate = 0.001m, MakerFeeRate = 0.0005m };
    private static readonly PaperExitRules Rules = new();

    [Fact]
    public void Fills_pending_order_at_the_next_trade_price_with_slippage_and_fee()
    {
        var order = Buy(entry: 100m, stop: 95m, target: 110m);
        var book = new PaperBook(Model, Rules, [order], []);

        var outcome = book.OnTrade(101m, SignalAt.AddSeconds(3));

        var entry = Assert.Single(outcome.Entries);
        Assert.Empty(outcome.Exits);
        Assert.Equal(101.101m, entry.Price);
        Assert.Equal(101.101m * 2m * 0.001m, entry.Fee);
        Assert.Equal(SignalAt.AddSeconds(3), entry.FilledAt);
        Assert.Equal(PaperIds.PositionId(order.SignalId), entry.Position.PositionId);
        Assert.Equal(TradeDirection.Long, entry.Position.Direction);
        Assert.Equal(95m, entry.Position.StopLoss);
        Assert.Equal(110m, entry.Position.TakeProfit);
        Assert.Empty(book.PendingOrders);
        Assert.Single(book.OpenPositions);
    }

    [Fact]
    public void Sell_order_fills_below_the_trade_price()
    {
        var book = new PaperBook(Model, Rules, [Sell(entry: 100m, stop: 105m, target: 90m)], []);

        var entry = Assert.Single(book.OnTrade(100m, SignalAt).Entries);

        Assert.Equal(99.9m, entry.Price);
        Assert.Equal(TradeDirection.Short, entry.Position.Direction);
    }

    [Fact]
    public void Does_not_fill_an_order_with_a_trade_older_than_its_signal()
    {
        var book = new PaperBook(Model, Rules, [Buy(entry: 100m, stop: 95m, target: 110m)], []);

        var outcome = book.OnTrade(100m, SignalAt.AddMilliseconds(-1));

        Assert.True(outcome.IsEmpty);
        Assert.Single(book.PendingOrders);
    }

    [Fact]
    public void Does_not_check_the_exit_of_a_position_on_the_trade_that_opened_it()
    {
        var book = new PaperBook(Model, Rules, [Buy(entry: 100m, stop: 99.5m, target: 110m)], []);

        var outcome = book.OnTrade(99m, SignalAt);

        Assert.Single(outcome.Entries);
        Assert.Empty(outcome.Exits);
        Assert.Single(book.OpenPositions);
    }

    [Fact]
    public void Closes_a_long_at_the_trade_that_gaps_through_its_stop_worse_than_the_stop()
    {
        var position = Open(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m);
        var book = new PaperBook(Model, Rules, [], [position]);

        var exit = Assert.Single(book.OnTrade(90m, SignalAt.AddMinutes(5)).Exits);

        Assert.Equal(PositionExit.StopLoss, exit.Exit);
        Assert.Equal(89.91m, exit.Price);
        Assert.Equal(89.91m * 2m * 0.001m, exit.Fee);
        Assert.Equal((89.91m - 100m) * 2m - (exit.Fee + position.EntryFee), exit.Result.NetPnl);
        Assert.Equal(SignalAt.AddMinutes(5), exit.ClosedAt);
        Assert.Empty(book.OpenPositions);
    }

    [Fact]
    public void Closes_a_short_at_its_take_profit_as_a_maker_at_exactly_the_target_even_through_a_gap()
    {
        var book = new PaperBook(Model, Rules, [], [Open(TradeDirection.Short, entry: 100m, stop: 105m, target: 90m)]);

        var exit = Assert.Single(book.OnTrade(88m, SignalAt.AddMinutes(5)).Exits);

        Assert.Equal(PositionExit.TakeProfit, exit.Exit);
        Assert.Equal(90m, exit.Price);
        Assert.Equal(90m * 2m * 0.0005m, exit.Fee);
        Assert.Equal(FillLiquidity.Maker, exit.Fill.Liquidity);
        Assert.True(exit.Result.NetPnl > 0);
    }

    [Fact]
    public void Keeps_a_position_open_while_the_price_stays_between_stop_and_target()
    {
        var book = new PaperBook(Model, Rules, [], [Open(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m)]);

        var outcome = book.OnTrade(105m, SignalAt.AddMinutes(1));

        Assert.True(outcome.IsEmpty);
        Assert.Single(book.OpenPositions);
    }

    [Fact]
    public void Checks_a_position_opened_by_an_earlier_trade_of_the_same_batch()
    {
        var book = new PaperBook(Model, Rules, [Buy(entry: 100m, stop: 95m, target: 110m)], []);

        var first = book.OnTrade(100m, SignalAt);
        var second = book.OnTrade(111m, SignalAt.AddSeconds(1));

        var entry = Assert.Single(first.Entries);
        var exit = Assert.Single(second.Exits);
        Assert.Equal(entry.Position.PositionId, exit.Position.PositionId);
        Assert.Equal(PositionExit.TakeProfit, exit.Exit);
        Assert.Empty(book.OpenPositions);
    }

    [Fact]
    public void Fills_an_order_only_once()
    {
        var book = new PaperBook(Model, Rules, [Buy(entry: 100m, stop: 95m, target: 110m)], []);

        book.OnTrade(100m, SignalAt);
        var again = book.OnTrade(100m, SignalAt.AddSeconds(1));

        Assert.Empty(again.Entries);
    }

    [Fact]
    public void Leaves_orders_and_positions_alone_when_no_trade_touches_them()
    {
        var later = Buy(entry: 100m, stop: 95m, target: 110m) with { SignalAt = SignalAt.AddHours(1) };
        var book = new PaperBook(Model, Rules, [later], [Open(TradeDirection.Short, entry: 100m, stop: 105m, target: 90m)]);

        var outcome = book.OnTrade(100m, SignalAt);

        Assert.Same(TradeOutcome.None, outcome);
    }

    private static PendingOrder Buy(decimal entry, decimal stop, decimal target) => Order(OrderSide.Buy, entry, stop, target);

    private static PendingOrder Sell(decimal entry, decimal stop, decimal target) => Order(OrderSide.Sell, entry, stop, target);

    private static PendingOrder Order(OrderSide side, decimal entry, decimal stop, decimal target) =>
        PaperOrders.Pending(side, entry, stop, target, SignalAt, quantity: 2m);

    private static OpenPosition Open(TradeDirection direction, decimal entry, decimal stop, decimal target) =>
        PaperOrders.Open(direction, entry, stop, target, SignalAt);
}
