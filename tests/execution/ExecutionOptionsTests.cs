using System.ComponentModel.DataAnnotations;

namespace Trading.Execution.Tests;

public sealed class ExecutionOptionsTests
{
    [Fact]
    public void Defaults_to_paper_with_documented_costs_and_exits()
    {
        var options = new ExecutionOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("Paper", options.Mode);
        Assert.Equal(2m, options.SlippageBps);
        Assert.Equal(1m, options.SizeImpactBps);
        Assert.Equal(10_000m, options.SizeImpactNotional);
        Assert.Equal(0.0026m, options.TakerFeeRate);
        Assert.Equal(0.0016m, options.MakerFeeRate);
        Assert.Equal(TimeSpan.FromSeconds(5), options.QuoteMaxAge);
        Assert.Equal(TimeSpan.FromHours(24), options.MaxHolding);
        Assert.False(options.TrailingStop.Enabled);
        Assert.Equal(1m, options.TrailingStop.ActivationR);
        Assert.Equal(1m, options.TrailingStop.DistanceR);
        Assert.False(options.FlattenOnShutdown);
    }

    [Fact]
    public void Options_become_the_models_of_the_core()
    {
        var options = new ExecutionOptions { SlippageBps = 3m, SizeImpactBps = 0.5m, SizeImpactNotional = 5_000m, TakerFeeRate = 0.004m, MakerFeeRate = 0.0025m, QuoteMaxAge = TimeSpan.FromSeconds(2), MaxHolding = TimeSpan.FromHours(6) };
        options.TrailingStop.Enabled = true;
        options.TrailingStop.ActivationR = 1.5m;
        options.TrailingStop.DistanceR = 0.5m;

        var model = ExecutionRegistration.ExecutionModel(options);
        var rules = ExecutionRegistration.ExitRules(options);

        Assert.Equal((3m, 0.5m, 5_000m, 0.004m, 0.0025m, TimeSpan.FromSeconds(2)), (model.SlippageBps, model.SizeImpactBps, model.SizeImpactNotional, model.TakerFeeRate, model.MakerFeeRate, model.QuoteMaxAge));
        Assert.Equal((true, 1.5m, 0.5m, TimeSpan.FromHours(6)), (rules.TrailingStop.Enabled, rules.TrailingStop.ActivationR, rules.TrailingStop.DistanceR, rules.MaxHolding));
    }

    [Fact]
    public void A_bad_trailing_stop_distance_is_refused_naming_the_nested_key()
    {
        var options = new ExecutionOptions();
        options.TrailingStop.DistanceR = 0m;

        var error = Assert.Single(Validate(options));

        Assert.Equal(["TrailingStop:DistanceR"], error.MemberNames);
    }

    [Theory]
    [InlineData(-1, 10_000)]
    [InlineData(1, 0)]
    public void Out_of_range_size_impact_is_refused(decimal sizeImpactBps, decimal sizeImpactNotional)
    {
        Assert.NotEmpty(Validate(new ExecutionOptions { SizeImpactBps = sizeImpactBps, SizeImpactNotional = sizeImpactNotional }));
    }

    [Fact]
    public void Live_mode_is_refused_naming_the_key()
    {
        var error = Assert.Single(Validate(new ExecutionOptions { Mode = "Live" }));

        Assert.Contains("live trading is not implemented yet", error.ErrorMessage);
        Assert.Contains("Execution:Mode", error.ErrorMessage);
        Assert.Equal(["Mode"], error.MemberNames);
    }

    [Fact]
    public void Unknown_mode_is_refused()
    {
        var error = Assert.Single(Validate(new ExecutionOptions { Mode = "Demo" }));

        Assert.Equal(["Mode"], error.MemberNames);
    }

    [Theory]
    [InlineData(-0.1, 0.0026)]
    [InlineData(2, -0.001)]
    [InlineData(2, 0.011)]
    public void Out_of_range_slippage_or_fee_is_refused(decimal slippageBps, decimal feeRate)
    {
        Assert.NotEmpty(Validate(new ExecutionOptions { SlippageBps = slippageBps, TakerFeeRate = feeRate }));
        Assert.NotEmpty(Validate(new ExecutionOptions { SlippageBps = slippageBps, MakerFeeRate = feeRate }));
    }

    private static List<ValidationResult> Validate(ExecutionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
