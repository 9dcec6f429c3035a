using Trading.Markets.Risk;
using Trading.Risk.Account;

namespace Trading.Risk.Tests;

public sealed class LimitOverridesTests
{
    [Fact]
    public void Names_every_limit_of_the_gate_in_camel_case()
    {
        Assert.Equal(
            ["riskPerTrade", "maxOpenPositions", "maxPositionNotional", "quantityStep", "minQuantity", "sizing", "kellyFraction", "kellyCap",
             "maxDailyLoss", "maxDrawdown", "cooldownAfterLosses", "cooldownDuration", "correlationThreshold", "maxCorrelatedPositions", "maxLeverage"],
            LimitOverrides.Names);
    }

    [Fact]
    public void Applies_overrides_over_the_configured_limits()
    {
        var applied = LimitOverrides.Apply(new RiskLimits(), new Dictionary<string, string>
        {
            ["maxOpenPositions"] = "3",
            ["sizing"] = "\"Kelly\"",
            ["cooldownDuration"] = "\"01:30:00\"",
            ["correlationThreshold"] = "0.75",
        });

        Assert.Equal(
            new RiskLimits { MaxOpenPositions = 3, Sizing = PositionSizing.Kelly, CooldownDuration = TimeSpan.FromMinutes(90), CorrelationThreshold = 0.75 },
            applied);
    }

    [Fact]
    public void Without_overrides_the_limits_are_the_configured_ones()
    {
        var configured = new RiskLimits { RiskPerTrade = 0.01m, MaxLeverage = 2m };

        Assert.Equal(configured, LimitOverrides.Apply(configured, new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData("maxOpenPositons", "3", "Unknown limit 'maxOpenPositons'")]
    [InlineData("maxDrawdown", "1.5", "Limit 'maxDrawdown' is out of range")]
    [InlineData("riskPerTrade", "0", "Limit 'riskPerTrade' is out of range")]
    [InlineData("maxOpenPositions", "\"three\"", "Limit 'maxOpenPositions' has a value of the wrong type")]
    [InlineData("sizing", "\"Martingale\"", "Limit 'sizing' has a value of the wrong type")]
    public void Refuses_an_unknown_name_or_an_invalid_value_naming_the_limit(string name, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => LimitOverrides.Apply(new RiskLimits(), new Dictionary<string, string> { [name] = value }));

        Assert.StartsWith(message, error.Message);
    }
}
