using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Execution;

public sealed class PaperExitRulesTests
{
    private readonly PaperExitRules _rules = new();

    [Fact]
    public void Time_exit_triggers_exactly_at_opened_at_plus_max_holding_and_not_one_tick_before()
    {
        var position = TrailingStopRuleTests.Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m);
        var state = TrailingStopState.Initial(position);
        var due = position.OpenedAt + TimeSpan.FromHours(24);

        Assert.Null(_rules.Check(position, state, 100m, due.AddTicks(-1)));
        Assert.Equal(PositionExit.TimeExit, _rules.Check(position, state, 100m, due));
        Assert.Equal(PositionExit.TimeExit, _rules.Check(position, state, 100m, due.AddHours(1)));
    }

    [Fact]
    public void Stop_and_target_come_before_the_time_exit()
    {
        var position = TrailingStopRuleTests.Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m);
        var state = TrailingStopState.Initial(position);
        var late = position.OpenedAt.AddDays(2);

        Assert.Equal(PositionExit.StopLoss, _rules.Check(position, state, 95m, late));
        Assert.Equal(PositionExit.TakeProfit, _rules.Check(position, state, 110m, late));
    }

    [Fact]
    public void A_hit_stop_that_has_moved_is_a_trailing_stop()
    {
        var position = TrailingStopRuleTests.Position(TradeDirection.Short, entry: 100m, stop: 104m, target: 50m);
        var trailed = new TrailingStopState { Stop = 100m, BestPrice = 96m };

        Assert.Null(_rules.Check(position, trailed, 99.99m, position.OpenedAt.AddMinutes(1)));
        Assert.Equal(PositionExit.TrailingStop, _rules.Check(position, trailed, 100m, position.OpenedAt.AddMinutes(1)));
        Assert.Equal(PositionExit.StopLoss, _rules.Check(position, TrailingStopState.Initial(position), 104m, position.OpenedAt.AddMinutes(1)));
    }

    [Fact]
    public void No_max_holding_never_exits_on_time()
    {
        var position = TrailingStopRuleTests.Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 110m);

        Assert.Null((_rules with { MaxHolding = null }).Check(position, TrailingStopState.Initial(position), 100m, position.OpenedAt.AddYears(1)));
    }
}
