using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Execution;

public sealed class PaperPositionTests
{
    [Theory]
    [InlineData(95, PositionExit.StopLoss)]
    [InlineData(90, PositionExit.StopLoss)]
    [InlineData(110, PositionExit.TakeProfit)]
    [InlineData(120, PositionExit.TakeProfit)]
    [InlineData(95.01, null)]
    [InlineData(109.99, null)]
    public void A_long_exits_at_or_below_the_stop_and_at_or_above_the_target(double price, PositionExit? expected)
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m);

        var exit = position.CheckExit((decimal)price);

        Assert.Equal(expected, exit);
    }

    [Theory]
    [InlineData(105, PositionExit.StopLoss)]
    [InlineData(110, PositionExit.StopLoss)]
    [InlineData(90, PositionExit.TakeProfit)]
    [InlineData(80, PositionExit.TakeProfit)]
    [InlineData(104.99, null)]
    [InlineData(90.01, null)]
    public void A_short_exits_at_or_above_the_stop_and_at_or_below_the_target(double price, PositionExit? expected)
    {
        var position = Position(TradeDirection.Short, entry: 100m, stop: 105m, target: 90m);

        var exit = position.CheckExit((decimal)price);

        Assert.Equal(expected, exit);
    }

    [Theory]
    [InlineData(TradeDirection.Long)]
    [InlineData(TradeDirection.Short)]
    public void Checks_the_stop_before_the_target_when_both_would_trigger(TradeDirection direction)
    {
        var position = Position(direction, entry: 100m, stop: 100m, target: 100m);

        var exit = position.CheckExit(100m);

        Assert.Equal(PositionExit.StopLoss, exit);
    }

    [Fact]
    public void Closing_a_winning_long_gives_gross_fees_net_and_r_multiple()
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m) with { Quantity = 2m, EntryFee = 1m };

        var result = position.Close(exitPrice: 110m, exitFee: 1m);

        Assert.Equal(new PositionResult { GrossPnl = 20m, Fees = 2m, NetPnl = 18m, RMultiple = 1.8m }, result);
    }

    [Fact]
    public void Closing_a_stopped_short_loses_a_little_more_than_one_r_after_fees()
    {
        var position = Position(TradeDirection.Short, entry: 100m, stop: 105m, target: 90m) with { EntryFee = 0.5m };

        var result = position.Close(exitPrice: 105m, exitFee: 0.5m);

        Assert.Equal(new PositionResult { GrossPnl = -5m, Fees = 1m, NetPnl = -6m, RMultiple = -1.2m }, result);
    }

    [Fact]
    public void R_multiple_is_zero_when_no_risk_was_taken()
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 100m, target: 110m);

        var result = position.Close(exitPrice: 110m, exitFee: 0m);

        Assert.Equal((10m, 0m), (result.NetPnl, result.RMultiple));
    }

    [Fact]
    public void A_round_trip_through_the_fill_model_pays_slippage_and_fees_twice()
    {
        var model = new PaperFillModel();
        var entry = model.FillPrice(TradeDirection.Long, 50_000m);
        var position = Position(TradeDirection.Long, entry, stop: 49_000m, target: 52_000m) with { EntryFee = model.Fee(entry, 1m) };
        var exit = model.FillPrice(TradeDirection.Short, 52_000m);

        var result = position.Close(exit, model.Fee(exit, 1m));

        Assert.Equal((50_010m, 51_989.6m), (entry, exit));
        Assert.Equal(1_979.6m, result.GrossPnl);
        Assert.Equal(130.026m + 135.17296m, result.Fees);
    }

    private static PaperPosition Position(TradeDirection direction, decimal entry, decimal stop, decimal target) =>
        new()
        {
            Direction = direction,
            Quantity = 1m,
            EntryPrice = entry,
            StopLoss = stop,
            TakeProfit = target,
            EntryFee = 0m,
            OpenedAt = TestCandles.Start,
        };
}
