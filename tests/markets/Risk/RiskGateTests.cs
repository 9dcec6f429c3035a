using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Risk;

public sealed class RiskGateTests
{
    private static readonly RiskLimits Limits = new();

    [Fact]
    public void Sizes_the_trade_so_hitting_the_stop_loses_the_risk_fraction_of_equity()
    {
        var decision = RiskGate.Evaluate(TradeDirection.Long, entry: 100m, stopLoss: 95m, equity: 10_000m, openPositions: 0, Limits);

        Assert.Equal((true, 40m, (string?)null), (decision.Approved, decision.Quantity, decision.Rule));
        Assert.Equal(
            "Risking 2 % of equity 10,000 (200) over a stop distance of 5 gives 40, rounded down to step 0.00000001: 40.",
            decision.Reason);
    }

    [Fact]
    public void Sizes_a_short_from_a_stop_above_entry()
    {
        var decision = RiskGate.Evaluate(TradeDirection.Short, entry: 100m, stopLoss: 104m, equity: 10_000m, openPositions: 0, Limits);

        Assert.Equal((true, 50m), (decision.Approved, decision.Quantity));
        Assert.DoesNotContain("capped", decision.Reason);
    }

    [Fact]
    public void Caps_the_quantity_at_the_maximum_position_notional_and_says_so()
    {
        var decision = RiskGate.Evaluate(TradeDirection.Long, entry: 100m, stopLoss: 99m, equity: 10_000m, openPositions: 0, Limits);

        Assert.Equal((true, 50m), (decision.Approved, decision.Quantity));
        Assert.Contains("gives 200, capped at 50 so the notional stays within 50 % of equity (5,000)", decision.Reason);
    }

    [Fact]
    public void Rounds_the_quantity_down_to_the_quantity_step()
    {
        var limits = Limits with { MaxPositionNotional = 10m };

        var decision = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 29_700m, 1_000m, 0, limits);
        var coarse = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 29_700m, 1_000m, 0, limits with { QuantityStep = 0.001m });

        Assert.Equal(0.06666666m, decision.Quantity);
        Assert.Equal(0.066m, coarse.Quantity);
    }

    [Fact]
    public void Capped_quantity_never_exceeds_the_notional_limit_after_rounding()
    {
        var decision = RiskGate.Evaluate(TradeDirection.Long, entry: 3m, stopLoss: 2.99m, equity: 1_000m, openPositions: 0, Limits);

        Assert.Equal(166.66666666m, decision.Quantity);
        Assert.True(decision.Quantity * 3m <= 500m);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-50)]
    public void Rejects_when_there_is_no_equity(double equity)
    {
        var decision = RiskGate.Evaluate(TradeDirection.Long, 100m, 95m, (decimal)equity, 0, Limits);

        AssertRejected(decision, "no-equity");
        Assert.Contains($"Equity is {equity}", decision.Reason);
    }

    [Theory]
    [InlineData(TradeDirection.Long, 101)]
    [InlineData(TradeDirection.Long, 100)]
    [InlineData(TradeDirection.Long, -5)]
    [InlineData(TradeDirection.Short, 99)]
    [InlineData(TradeDirection.Short, 100)]
    public void Rejects_a_stop_on_the_wrong_side_of_entry_or_at_entry(TradeDirection direction, double stopLoss)
    {
        var decision = RiskGate.Evaluate(direction, 100m, (decimal)stopLoss, 10_000m, 0, Limits);

        AssertRejected(decision, "invalid-stop");
        Assert.Contains($"entry 100, but the stop is {stopLoss}", decision.Reason);
    }

    [Fact]
    public void Rejects_when_the_maximum_number_of_positions_is_open()
    {
        var atLimit = RiskGate.Evaluate(TradeDirection.Long, 100m, 95m, 10_000m, openPositions: 2, Limits);
        var belowLimit = RiskGate.Evaluate(TradeDirection.Long, 100m, 95m, 10_000m, openPositions: 1, Limits);

        AssertRejected(atLimit, "max-open-positions");
        Assert.Equal("2 positions are open and at most 2 are allowed.", atLimit.Reason);
        Assert.True(belowLimit.Approved);
    }

    [Fact]
    public void Rejects_a_quantity_below_the_minimum()
    {
        var tooSmall = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 28_000m, equity: 0.1m, openPositions: 0, Limits);
        var atMinimum = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 28_000m, equity: 1m, openPositions: 0, Limits);

        AssertRejected(tooSmall, "below-min-quantity");
        Assert.EndsWith(
            "gives 0.000001, rounded down to step 0.00000001: 0.000001, below the minimum quantity 0.00001.",
            tooSmall.Reason);
        Assert.Equal((true, 0.00001m), (atMinimum.Approved, atMinimum.Quantity));
    }

    [Fact]
    public void Applies_the_rules_in_order()
    {
        var everythingWrong = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 31_000m, equity: 0m, openPositions: 5, Limits);
        var badStopAndFull = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 31_000m, equity: 0.1m, openPositions: 5, Limits);
        var fullAndTooSmall = RiskGate.Evaluate(TradeDirection.Long, 30_000m, 29_000m, equity: 0.1m, openPositions: 5, Limits);

        Assert.Equal(
            ("no-equity", "invalid-stop", "max-open-positions"),
            (everythingWrong.Rule, badStopAndFull.Rule, fullAndTooSmall.Rule));
    }

    [Theory]
    [MemberData(nameof(InvalidLimits))]
    public void Refuses_limits_out_of_range_as_a_configuration_error(RiskLimits limits, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(
            () => RiskGate.Evaluate(TradeDirection.Long, 100m, 95m, 10_000m, 0, limits));

        Assert.Equal(parameter, exception.ParamName);
    }

    public static TheoryData<RiskLimits, string> InvalidLimits => new()
    {
        { new RiskLimits { RiskPerTrade = 0m }, "RiskPerTrade" },
        { new RiskLimits { RiskPerTrade = 1.5m }, "RiskPerTrade" },
        { new RiskLimits { MaxOpenPositions = -1 }, "MaxOpenPositions" },
        { new RiskLimits { MaxPositionNotional = 0m }, "MaxPositionNotional" },
        { new RiskLimits { QuantityStep = 0m }, "QuantityStep" },
        { new RiskLimits { MinQuantity = -1m }, "MinQuantity" },
    };

    private static void AssertRejected(RiskDecision decision, string rule)
    {
        Assert.Equal((false, 0m, rule), (decision.Approved, decision.Quantity, decision.Rule));
        Assert.Matches("^[a-z]+(-[a-z]+)*$", decision.Rule);
    }
}
