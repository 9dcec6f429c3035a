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
    [InlineData("MaxPositionNotional", "100.5")]
    [InlineData("QuantityStep", "0")]
    [InlineData("MinQuantity", "-0.1")]
    public void Stops_start_up_with_a_message_naming_an_out_of_range_key(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"Risk:{key}"] = value }));

        Assert.Contains(key, error.Message);
    }

    [Theory]
    [InlineData("MaxDailyLoss", "0")]
    [InlineData("MaxDrawdown", "1.5")]
    [InlineData("KellyFraction", "0")]
    [InlineData("KellyCap", "2")]
    [InlineData("CooldownAfterLosses", "-1")]
    [InlineData("CorrelationThreshold", "0")]
    [InlineData("MaxCorrelatedPositions", "0")]
    [InlineData("MaxLeverage", "0")]
    [InlineData("Correlation:Interval", "7m")]
    [InlineData("Correlation:MinCandles", "2")]
    [InlineData("Operator:Token", "short")]
    [InlineData("Performance:MinTrades", "0")]
    [InlineData("Performance:MaxDrawdownRatio", "0.9")]
    public void Stops_start_up_naming_an_out_of_range_limit_of_the_full_gate(string key, string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [$"Risk:{key}"] = value }));

        Assert.Contains($"'Risk:{key}'", error.Message);
    }

    [Fact]
    public void Passes_the_full_gate_limits_and_kelly_sizing()
    {
        var options = Bind(new()
        {
            ["Risk:Sizing"] = "Kelly",
            ["Risk:KellyFraction"] = "0.25",
            ["Risk:KellyCap"] = "0.01",
            ["Risk:MaxDailyLoss"] = "0.05",
            ["Risk:MaxDrawdown"] = "0.2",
            ["Risk:CooldownAfterLosses"] = "4",
            ["Risk:CooldownDuration"] = "02:00:00",
            ["Risk:CorrelationThreshold"] = "0.7",
            ["Risk:MaxCorrelatedPositions"] = "2",
            ["Risk:MaxLeverage"] = "3",
        });

        Assert.Equal(
            new RiskLimits
            {
                Sizing = PositionSizing.Kelly,
                KellyFraction = 0.25m,
                KellyCap = 0.01m,
                MaxDailyLoss = 0.05m,
                MaxDrawdown = 0.2m,
                CooldownAfterLosses = 4,
                CooldownDuration = TimeSpan.FromHours(2),
                CorrelationThreshold = 0.7,
                MaxCorrelatedPositions = 2,
                MaxLeverage = 3m,
            },
            options.ToLimits());
    }

    [Fact]
    public void An_instrument_replaces_the_lot_size_and_minimum_for_its_symbol_only()
    {
        var options = Bind(new()
        {
            ["Risk:Instruments:0:Symbol"] = "BTC/USD",
            ["Risk:Instruments:0:QuantityStep"] = "0.0001",
            ["Risk:Instruments:0:MinQuantity"] = "0.0002",
        });

        Assert.Equal(new RiskLimits { QuantityStep = 0.0001m, MinQuantity = 0.0002m }, options.ForSymbol(options.ToLimits(), "BTC/USD"));
        Assert.Equal(new RiskLimits(), options.ForSymbol(options.ToLimits(), "ETH/USD"));
    }

    [Theory]
    [InlineData("Symbol", "btc/usd")]
    [InlineData("QuantityStep", "0")]
    [InlineData("MinQuantity", "-1")]
    public void Stops_start_up_naming_an_invalid_instrument(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Risk:Instruments:0:Symbol"] = "BTC/USD",
            ["Risk:Instruments:0:QuantityStep"] = "0.0001",
            ["Risk:Instruments:0:MinQuantity"] = "0.0002",
            [$"Risk:Instruments:0:{key}"] = value,
        };

        var error = Assert.Throws<OptionsValidationException>(() => Bind(settings));

        Assert.Contains($"'Risk:Instruments:0:{key}'", error.Message);
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
