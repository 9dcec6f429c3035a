using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.Markets.Risk;
using Trading.ServiceDefaults.Configuration;

namespace Trading.Risk.Tests;

public sealed class RiskOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_match_the_core_limits()
    {
        var options = Bind([]);

        Assert.Equal(10_000m, options.StartingEquity);
        Assert.Equal(new RiskLimits(), options.ToLimits());
    }

    [Fact]
    public void Passes_every_limit_to_the_gate()
    {
        var options = Bind(new()
        {
            ["Risk:RiskPerTrade"] = "0.01",
            ["Risk:MaxOpenPositions"] = "3",
            ["Risk:MaxPositionNotional"] = "0.25",
            ["Risk:QuantityStep"] = "0.001",
            ["Risk:MinQuantity"] = "0.01",
        });

        Assert.Equal(
            new RiskLimits { RiskPerTrade = 0.01m, MaxOpenPositions = 3, MaxPositionNotional = 0.25m, QuantityStep = 0.001m, MinQuantity = 0.01m },
            options.ToLimits());
    }

    [Theory]
    [InlineData("StartingEquity", "0.01")]
    [InlineData("RiskPerTrade", "0.0001")]
    [InlineData("RiskPerTrade", "0.2")]
    [InlineData("MaxOpenPositions", "1")]
    [InlineData("MaxPositionNotional", "1")]
    [InlineData("QuantityStep", "1")]
    [InlineData("MinQuantity", "0")]
    public void Accepts_values_at_the_edges_of_their_range(string key, string value)
    {
        var options = Bind(new() { [$"Risk:{key}"] = value });

        Assert.NotNull(options);
    }

    [Theory]
    [InlineData("StartingEquity", "0")]
    [InlineData("StartingEquity", "-100")]
    [InlineData("RiskPerTrade", "0")]
    [InlineData("RiskPerTrade", "0.21")]
    [InlineData("MaxOpenPositions", "0")]
    [InlineData("MaxPositionNotional", "0")]
    [InlineData("MaxPositionNotional", "1.5")]
    [InlineData("QuantityStep", "0")]
    [InlineData("MinQuantity", "-0.1")]
    public void Stops_start_up_with_a_message_naming_an_out_of_range_key(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"Risk:{key}"] = value }));

        Assert.Contains(key, error.Message);
    }

    [Fact]
    public void Stops_start_up_with_a_message_naming_a_misspelt_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Risk:MaxOpenPositons"] = "3" }));

        Assert.Contains("'Risk:MaxOpenPositons'", error.Message);
    }

    private static RiskOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSettings<RiskOptions>(RiskOptions.Section);
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<RiskOptions>>().Value;
    }
}
