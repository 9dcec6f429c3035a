using System.Globalization;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

public sealed class SignalLevelsTests
{
    [Fact]
    public void Places_a_longs_stop_below_and_target_above_entry()
    {
        var levels = SignalLevels.Create(TradeDirection.Long, 100.5m, 1.25m, 2m)!.Value;

        Assert.Equal(TradeDirection.Long, levels.Direction);
        Assert.Equal(100.5m, levels.Entry);
        Assert.Equal(1.25m, levels.StopDistance);
        Assert.Equal(2.5m, levels.TargetDistance);
        Assert.Equal(99.25m, levels.StopLoss);
        Assert.Equal(103m, levels.TakeProfit);
        Assert.Equal(2m, levels.RiskReward);
    }

    [Fact]
    public void Places_a_shorts_stop_above_and_target_below_entry()
    {
        var levels = SignalLevels.Create(TradeDirection.Short, 100.5m, 1.25m, 2m)!.Value;

        Assert.Equal(TradeDirection.Short, levels.Direction);
        Assert.Equal(101.75m, levels.StopLoss);
        Assert.Equal(98m, levels.TakeProfit);
        Assert.Equal(2m, levels.RiskReward);
    }

    [Theory]
    [InlineData("100", 2)]
    [InlineData("100.5", 3)]
    [InlineData("0.000123", 8)]
    [InlineData("1.000000000000000000000000001", 28)]
    [InlineData("1.0000000000000000000000000001", 28)]
    public void Rounds_to_two_more_decimals_than_the_entry_has_at_most_28(string entry, int decimals)
    {
        var price = decimal.Parse(entry, CultureInfo.InvariantCulture);

        var levels = SignalLevels.Create(TradeDirection.Long, price, price / 2, 2m)!.Value;

        Assert.Equal(decimals, levels.Decimals);
        Assert.Equal("#,0." + new string('#', decimals), levels.PriceFormat);
    }

    [Theory]
    [InlineData(1.2345, 1.235)]
    [InlineData(1.2355, 1.236)]
    [InlineData(1.23449, 1.234)]
    public void Rounds_the_stop_distance_half_away_from_zero(decimal raw, decimal rounded)
    {
        var levels = SignalLevels.Create(TradeDirection.Long, 100.5m, raw, 2m)!.Value;

        Assert.Equal(rounded, levels.StopDistance);
        Assert.Equal(100.5m - rounded, levels.StopLoss);
        Assert.Equal(2m * rounded, levels.TargetDistance);
    }

    [Fact]
    public void Rounds_the_target_distance_and_states_the_risk_reward_it_gives()
    {
        var levels = SignalLevels.Create(TradeDirection.Long, 100m, 0.03m, 1.55555m)!.Value;

        Assert.Equal(0.05m, levels.TargetDistance);
        Assert.Equal(100.05m, levels.TakeProfit);
        Assert.Equal(1.6667m, levels.RiskReward);
    }

    [Theory]
    [InlineData(TradeDirection.Long, 100, 0)]
    [InlineData(TradeDirection.Short, 100, 0)]
    [InlineData(TradeDirection.Long, 100, -1)]
    [InlineData(TradeDirection.Short, 100, -1)]
    [InlineData(TradeDirection.Long, 100, 0.004)]
    [InlineData(TradeDirection.Long, 1, 1)]
    [InlineData(TradeDirection.Long, 1, 1.5)]
    public void Refuses_a_stop_distance_that_rounds_to_zero_or_less_or_a_stop_at_or_below_zero(
        TradeDirection direction, decimal entry, decimal rawStopDistance)
    {
        var levels = SignalLevels.Create(direction, entry, rawStopDistance, 2m);

        Assert.Null(levels);
    }

    [Theory]
    [InlineData(TradeDirection.Long, 100, 0.005, 99.99)]
    [InlineData(TradeDirection.Short, 1, 1.5, 2.5)]
    public void Accepts_the_smallest_rounded_stop_and_a_short_with_a_stop_wider_than_entry(
        TradeDirection direction, decimal entry, decimal rawStopDistance, decimal stopLoss)
    {
        var levels = SignalLevels.Create(direction, entry, rawStopDistance, 2m);

        Assert.Equal(stopLoss, levels?.StopLoss);
    }

    [Theory]
    [InlineData(TradeDirection.Long, 7.1235, 7.124, 107.624, 3.562)]
    [InlineData(TradeDirection.Short, 7.1235, 7.124, 93.376, 3.562)]
    [InlineData(TradeDirection.Long, 3.9, 4, 104.5, 2)]
    public void Moves_the_target_out_to_a_further_distance_but_never_in(
        TradeDirection direction, decimal distance, decimal targetDistance, decimal takeProfit, decimal riskReward)
    {
        var floor = SignalLevels.Create(direction, 100.5m, 2m, 2m)!.Value;

        var levels = floor.WithTargetAtLeast(distance);

        Assert.Equal(targetDistance, levels.TargetDistance);
        Assert.Equal(takeProfit, levels.TakeProfit);
        Assert.Equal(riskReward, levels.RiskReward);
        Assert.Equal(floor.StopLoss, levels.StopLoss);
        Assert.Equal(floor.StopDistance, levels.StopDistance);
    }

    [Fact]
    public void Rounds_a_distance_like_its_own()
    {
        var levels = SignalLevels.Create(TradeDirection.Long, 100m, 2m, 2m)!.Value;

        Assert.Equal(0.13m, levels.Round(0.125m));
        Assert.Equal(-0.13m, levels.Round(-0.125m));
    }
}
