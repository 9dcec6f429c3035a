using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Execution;

public sealed class TrailingStopRuleTests
{
    private static readonly TrailingStopRule Rule = new() { Enabled = true, ActivationR = 1m, DistanceR = 1m };

    [Fact]
    public void A_long_stop_starts_trailing_after_one_r_and_only_ever_moves_up()
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 150m);
        var state = TrailingStopState.Initial(position);

        var stops = new List<decimal>();
        foreach (var price in new[] { 104m, 105m, 103m, 108m, 101m })
        {
            state = Rule.Advance(position, state, price);
            stops.Add(state.Stop);
        }

        Assert.Equal([95m, 100m, 100m, 103m, 103m], stops);
        Assert.Equal(108m, state.BestPrice);
    }

    [Fact]
    public void A_short_stop_trails_down_and_never_up()
    {
        var position = Position(TradeDirection.Short, entry: 100m, stop: 104m, target: 50m);
        var state = TrailingStopState.Initial(position);

        var stops = new List<decimal>();
        foreach (var price in new[] { 97m, 96m, 99m, 90m })
        {
            state = Rule.Advance(position, state, price);
            stops.Add(state.Stop);
        }

        Assert.Equal([104m, 100m, 100m, 94m], stops);
    }

    [Fact]
    public void Activation_and_distance_are_in_multiples_of_the_initial_risk()
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 98m, target: 150m);
        var rule = Rule with { ActivationR = 2m, DistanceR = 0.5m };

        var before = rule.Advance(position, TrailingStopState.Initial(position), 103.99m);
        var after = rule.Advance(position, before, 104m);

        Assert.Equal(98m, before.Stop);
        Assert.Equal(103m, after.Stop);
    }

    [Fact]
    public void Disabled_rule_leaves_the_state_alone()
    {
        var position = Position(TradeDirection.Long, entry: 100m, stop: 95m, target: 150m);
        var state = TrailingStopState.Initial(position);

        Assert.Same(state, new TrailingStopRule().Advance(position, state, 140m));
    }

    internal static PaperPosition Position(TradeDirection direction, decimal entry, decimal stop, decimal target) => new()
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
