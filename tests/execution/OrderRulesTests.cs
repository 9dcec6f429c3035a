using Trading.Contracts.Orders;
using Trading.Execution.Paper;

namespace Trading.Execution.Tests;

public sealed class OrderRulesTests
{
    [Theory]
    [InlineData(OrderSide.Buy, 95, 100, 110)]
    [InlineData(OrderSide.Sell, 105, 100, 90)]
    public void Accepts_an_order_with_stop_and_target_on_the_right_sides(OrderSide side, decimal stop, decimal entry, decimal target)
    {
        Assert.Null(OrderRules.RejectionReason(Order(side, 1m, stop, entry, target)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_quantity_that_is_not_positive(decimal quantity)
    {
        var reason = OrderRules.RejectionReason(Order(OrderSide.Buy, quantity, 95m, 100m, 110m));

        Assert.Contains("quantity must be positive", reason);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 101, 100, 110)]
    [InlineData(OrderSide.Buy, 95, 100, 99)]
    [InlineData(OrderSide.Buy, 100, 100, 110)]
    [InlineData(OrderSide.Sell, 95, 100, 90)]
    [InlineData(OrderSide.Sell, 105, 100, 101)]
    public void Rejects_stop_or_target_on_the_wrong_side(OrderSide side, decimal stop, decimal entry, decimal target)
    {
        var reason = OrderRules.RejectionReason(Order(side, 1m, stop, entry, target));

        Assert.NotNull(reason);
        Assert.Contains(side == OrderSide.Buy ? "a buy needs" : "a sell needs", reason);
    }

    [Fact]
    public void Rejects_a_price_that_is_not_positive()
    {
        Assert.NotNull(OrderRules.RejectionReason(Order(OrderSide.Buy, 1m, 0m, 100m, 110m)));
    }

    private static PlaceOrder Order(OrderSide side, decimal quantity, decimal stop, decimal entry, decimal target) => new()
    {
        OrderId = Guid.NewGuid(),
        ClientOrderId = "ord-1",
        SignalId = Guid.NewGuid(),
        Venue = "KRAKEN",
        Symbol = "BTC/USD",
        Side = side,
        Quantity = quantity,
        Entry = entry,
        StopLoss = stop,
        TakeProfit = target,
        SignalAt = DateTimeOffset.UnixEpoch,
        RequestedAt = DateTimeOffset.UnixEpoch,
    };
}
