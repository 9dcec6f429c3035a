using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Risk;

// The worked example of issue 6 and Kelly sizing through RiskGate.Decide.
public sealed class RiskGateSizingTests
{
    private static readonly RiskScenario Base = new();

    [Theory]
    [InlineData("1.8")]
    [InlineData("2")]
    public void Worked_example_sizes_0_4_units_and_18000_notional_when_the_cap_allows_it(string cap)
    {
        var maxNotional = decimal.Parse(cap, System.Globalization.CultureInfo.InvariantCulture);

        var decision = Base.WithLimits(l => l with { MaxPositionNotional = maxNotional }).Decide();

        Assert.Equal((true, 0.4m, (string?)null), (decision.Approved, decision.Quantity, decision.Rule));
        Assert.Equal(18_000m, decision.Quantity * 45_000m);
        Assert.Equal(
            "Risking 2 % of equity 10,000 (200) over a stop distance of 500 gives 0.4, rounded down to step 0.00000001: 0.4, " +
            "notional 18,000.",
            decision.Reason);
    }

    [Theory]
    [InlineData("0.00000001", "0.11111111")]
    [InlineData("0.0001", "0.1111")]
    [InlineData("0.001", "0.111")]
    public void Worked_example_is_capped_at_half_of_equity_and_rounded_down_to_the_lot_step(string step, string expected)
    {
        var quantityStep = decimal.Parse(step, System.Globalization.CultureInfo.InvariantCulture);
        var limits = new RiskLimits { QuantityStep = quantityStep };

        var decision = (Base with { Limits = limits }).Decide();
        var shortForm = RiskGate.Evaluate(TradeDirection.Long, 45_000m, 44_500m, 10_000m, 0, limits);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), decision.Quantity);
        Assert.Equal(shortForm.Quantity, decision.Quantity);
        Assert.True(decision.Quantity * 45_000m <= 5_000m);
        Assert.Contains("gives 0.4, capped at 0.111111111111 so the notional stays within 50 % of equity (5,000)", decision.Reason);
    }

    [Fact]
    public void Cap_binds_one_step_below_the_uncapped_notional()
    {
        var decision = Base.WithLimits(l => l with { MaxPositionNotional = 1.79m }).Decide();

        Assert.Equal((true, 0.39777777m), (decision.Approved, decision.Quantity));
        Assert.Contains("capped at", decision.Reason);
    }

    [Fact]
    public void Half_kelly_above_the_cap_risks_the_cap()
    {
        var edge = new TradeEdge { WinRate = 0.55m, AverageWinR = 2m, AverageLossR = 1m };

        var decision = Base
            .WithLimits(l => l with { Sizing = PositionSizing.Kelly, MaxPositionNotional = 2m })
            .WithRequest(r => r with { Edge = edge })
            .Decide();

        Assert.Equal((true, 0.4m), (decision.Approved, decision.Quantity));
        Assert.StartsWith(
            "Kelly f* = W − (1 − W) ÷ R = 0.55 − 0.45 ÷ 2 = 0.325; × 0.5 = 0.1625, capped at 0.02. Risking 2 % of equity 10,000 (200)",
            decision.Reason);
    }

    [Theory]
    [InlineData("0.5", "0.5", "3.25")]
    [InlineData("1", "1", "6.5")]
    [InlineData("0.5", "0.1", "2")]
    [InlineData("0.5", "0.1625", "3.25")]
    public void Kelly_risks_the_chosen_fraction_of_kelly_up_to_the_cap(string kellyFraction, string kellyCap, string quantity)
    {
        var edge = new TradeEdge { WinRate = 0.55m, AverageWinR = 2m, AverageLossR = 1m };
        var limits = new RiskLimits
        {
            Sizing = PositionSizing.Kelly,
            KellyFraction = Parse(kellyFraction),
            KellyCap = Parse(kellyCap),
            MaxPositionNotional = 30m,
        };

        var decision = (Base with { Limits = limits }).WithRequest(r => r with { Edge = edge }).Decide();

        Assert.Equal((true, Parse(quantity)), (decision.Approved, decision.Quantity));
        Assert.Equal(decision.Quantity * 500m, 10_000m * Math.Min(0.325m * limits.KellyFraction, limits.KellyCap));
    }

    [Fact]
    public void A_cap_the_scaled_kelly_only_reaches_is_not_reported_as_binding()
    {
        var edge = new TradeEdge { WinRate = 0.55m, AverageWinR = 2m, AverageLossR = 1m };

        var decision = Base
            .WithLimits(l => l with { Sizing = PositionSizing.Kelly, KellyCap = 0.1625m, MaxPositionNotional = 30m })
            .WithRequest(r => r with { Edge = edge })
            .Decide();

        Assert.StartsWith("Kelly f* = W − (1 − W) ÷ R = 0.55 − 0.45 ÷ 2 = 0.325; × 0.5 = 0.1625. Risking 16.25 %", decision.Reason);
    }

    [Fact]
    public void Negative_kelly_says_why_with_the_numbers()
    {
        var edge = new TradeEdge { WinRate = 0.3m, AverageWinR = 1.5m, AverageLossR = 1m };

        var decision = Base.WithLimits(l => l with { Sizing = PositionSizing.Kelly }).WithRequest(r => r with { Edge = edge }).Decide();

        Assert.Equal(("negative-kelly", 0m), (decision.Rule, decision.Quantity));
        Assert.Equal(
            "Kelly f* = W − (1 − W) ÷ R = 0.3 − 0.7 ÷ 1.5 = -0.166666666667: the backtest record shows no edge, so nothing is risked.",
            decision.Reason);
    }

    [Fact]
    public void Fixed_fraction_sizing_ignores_the_edge()
    {
        var edge = new TradeEdge { WinRate = 0.2m, AverageWinR = 1m, AverageLossR = 1m };

        var decision = Base.WithRequest(r => r with { Edge = edge }).Decide();

        Assert.Equal((true, 0.11111111m), (decision.Approved, decision.Quantity));
    }

    [Fact]
    public void Short_form_and_full_form_agree_on_a_fresh_account()
    {
        var shortForm = RiskGate.Evaluate(TradeDirection.Short, 100m, 104m, 10_000m, 0, new RiskLimits());

        var full = Base.WithRequest(r => r with { Direction = TradeDirection.Short, Entry = 100m, StopLoss = 104m }).Decide();

        Assert.Equal((shortForm.Approved, shortForm.Quantity), (full.Approved, full.Quantity));
        Assert.Equal($"{shortForm.Reason[..^1]}, notional 5,000.", full.Reason);
    }

    private static decimal Parse(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
