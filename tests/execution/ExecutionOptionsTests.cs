using System.ComponentModel.DataAnnotations;

namespace Trading.Execution.Tests;

public sealed class ExecutionOptionsTests
{
    [Fact]
    public void Defaults_to_paper_with_two_bps_slippage_and_kraken_taker_fee()
    {
        var options = new ExecutionOptions();

        Assert.Empty(Validate(options));
        Assert.Equal("Paper", options.Mode);
        Assert.Equal(2m, options.SlippageBps);
        Assert.Equal(0.0026m, options.FeeRate);
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
        Assert.NotEmpty(Validate(new ExecutionOptions { SlippageBps = slippageBps, FeeRate = feeRate }));
    }

    private static List<ValidationResult> Validate(ExecutionOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
