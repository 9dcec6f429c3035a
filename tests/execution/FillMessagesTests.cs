using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.Markets.Execution;
using Trading.Markets.Strategies;

using Trading.ServiceDefaults;

namespace Trading.Execution.Tests;

public sealed class FillMessagesTests
{
    private static readonly DateTimeOffset OpenedAt = new(2025, 1, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly PaperExecutionModel Model = new() { SlippageBps = 0m, SizeImpactBps = 0m, TakerFeeRate = 0.001m, MakerFeeRate = 0.001m };
    private static readonly PaperExitRules Rules = new();

    [Fact]
    public void Entry_fill_announces_an_opening_paper_fill_and_the_position()
    {
        var order = Order(OrderSide.Buy);
        var entry = Assert.Single(new PaperBook(Model, Rules, [order], []).OnTrade(100m, OpenedAt).Entries);

        var filled = FillMessages.Filled(entry);
        var opened = FillMessages.Opened(entry);

        Assert.Equal(order.OrderId, filled.OrderId);
        Assert.Equal(order.ClientOrderId, filled.ClientOrderId);
        Assert.Equal(PaperIds.PositionId(order.SignalId), filled.PositionId);
        Assert.Equal(OrderSide.Buy, filled.Side);
        Assert.Equal(100m, filled.Price);
        Assert.Equal(0.1m, filled.Fee);
        Assert.True(filled.OpensPosition);
        Assert.True(filled.IsPaper);
        Assert.Equal(OpenedAt, filled.FilledAt);
        Assert.Equal(filled.PositionId, opened.PositionId);
        Assert.Equal(order.SignalId, opened.SignalId);
        Assert.Equal(100m, opened.EntryPrice);
        Assert.Equal(95m, opened.StopLoss);
        Assert.Equal(110m, opened.TakeProfit);
        Assert.Equal(OpenedAt, opened.OpenedAt);
    }

    [Fact]
    public void Exit_fill_announces_a_closing_fill_on_the_opposite_side_with_ids_derived_from_the_position()
    {
        var book = new PaperBook(Model, Rules, [Order(OrderSide.Buy)], []);
        var entry = Assert.Single(book.OnTrade(100m, OpenedAt).Entries);
        var exit = Assert.Single(book.OnTrade(110m, OpenedAt.AddMinutes(7)).Exits);
        var positionId = entry.Position.PositionId;

        var filled = FillMessages.Filled(exit);
        var closed = FillMessages.Closed(exit);

        Assert.Equal(PaperIds.CloseOrderId(positionId), filled.OrderId);
        Assert.Equal("cls-" + positionId.ToString("N")[..24], filled.ClientOrderId);
        Assert.Equal(28, filled.ClientOrderId.Length);
        Assert.Equal(positionId, filled.PositionId);
        Assert.Equal(OrderSide.Sell, filled.Side);
        Assert.False(filled.OpensPosition);
        Assert.True(filled.IsPaper);
        Assert.Equal(OpenedAt.AddMinutes(7), filled.FilledAt);
        Assert.Equal(OrderSide.Buy, closed.Side);
        Assert.Equal(ExitReason.TakeProfit, closed.ExitReason);
        Assert.Equal(100m, closed.EntryPrice);
        Assert.Equal(110m, closed.ExitPrice);
        Assert.Equal(0.1m + 0.11m, closed.Fees);
        Assert.Equal(10m - 0.21m, closed.RealizedPnl);
        Assert.Equal((10m - 0.21m) / 5m, closed.RMultiple);
        Assert.Equal(OpenedAt, closed.OpenedAt);
        Assert.Equal(OpenedAt.AddMinutes(7), closed.ClosedAt);
    }

    [Theory]
    [InlineData(PositionExit.StopLoss, ExitReason.StopLoss)]
    [InlineData(PositionExit.TakeProfit, ExitReason.TakeProfit)]
    [InlineData(PositionExit.TrailingStop, ExitReason.TrailingStop)]
    [InlineData(PositionExit.TimeExit, ExitReason.TimeExit)]
    [InlineData(PositionExit.Flatten, ExitReason.Flatten)]
    public void Maps_position_exits_to_exit_reasons(PositionExit exit, ExitReason expected)
    {
        Assert.Equal(expected, FillMessages.ExitReasonOf(exit));
    }

    [Fact]
    public void Position_and_closing_order_ids_are_the_same_on_every_replay()
    {
        var signalId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var positionId = PaperIds.PositionId(signalId);

        Assert.Equal(DeterministicGuid.Create("position|0f8fad5b-d9cb-469f-a165-70867728950e"), positionId);
        Assert.Equal(positionId, PaperIds.PositionId(signalId));
        Assert.Equal(DeterministicGuid.Create("close|" + positionId), PaperIds.CloseOrderId(positionId));
        Assert.NotEqual(positionId, PaperIds.CloseOrderId(positionId));
    }

    [Fact]
    public void Short_position_closes_with_a_buy()
    {
        var book = new PaperBook(Model, Rules, [], [new OpenPosition
        {
            PositionId = Guid.NewGuid(),
            SignalId = Guid.NewGuid(),
            OrderId = Guid.NewGuid(),
            Venue = "KRAKEN",
            Symbol = "ETH/USD",
            Direction = TradeDirection.Short,
            Quantity = 1m,
            EntryPrice = 100m,
            EntryFee = 0.1m,
            StopLoss = 105m,
            TakeProfit = 90m,
            OpenedAt = OpenedAt,
        }]);

        var exit = Assert.Single(book.OnTrade(106m, OpenedAt.AddMinutes(1)).Exits);

        Assert.Equal(OrderSide.Buy, FillMessages.Filled(exit).Side);
        Assert.Equal(OrderSide.Sell, FillMessages.Closed(exit).Side);
        Assert.Equal(ExitReason.StopLoss, FillMessages.Closed(exit).ExitReason);
    }

    [Fact]
    public void Rejection_carries_the_order_ids_and_reason()
    {
        var order = new PlaceOrder
        {
            OrderId = Guid.NewGuid(),
            ClientOrderId = "ord-1",
            SignalId = Guid.NewGuid(),
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Side = OrderSide.Buy,
            Quantity = 0m,
            Entry = 100m,
            StopLoss = 95m,
            TakeProfit = 110m,
            SignalAt = OpenedAt,
            RequestedAt = OpenedAt,
        };

        var rejected = FillMessages.Rejected(order, "quantity must be positive, was 0", OpenedAt.AddSeconds(1));

        Assert.Equal(order.OrderId, rejected.OrderId);
        Assert.Equal("ord-1", rejected.ClientOrderId);
        Assert.Equal(order.SignalId, rejected.SignalId);
        Assert.Equal("BTC/USD", rejected.Symbol);
        Assert.Equal("quantity must be positive, was 0", rejected.Reason);
        Assert.Equal(OpenedAt.AddSeconds(1), rejected.RejectedAt);
    }

    private static PendingOrder Order(OrderSide side) => PaperOrders.Pending(side, 100m, 95m, 110m, OpenedAt, quantity: 1m);
}
