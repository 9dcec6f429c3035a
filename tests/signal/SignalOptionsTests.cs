using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.Markets;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Configuration;

namespace Trading.Signal.Tests;

public sealed class SignalOptionsTests
{
    [Fact]
    public void Defaults_run_every_strategy_on_5m_15m_30m_and_1h_behind_an_enforced_gate()
    {
        var options = Bind([]);

        Assert.Equal(["5m", "15m", "30m", "1h"], options.ActiveIntervals());
        Assert.Equal(StrategyCatalog.Names, options.ActiveStrategies());
        Assert.Equal(5000, options.WarmUpCandles);
        Assert.True(options.Gate.Enforce);
        Assert.True(options.RequestHistory);
        Assert.Equal(TimeSpan.FromSeconds(30), options.HistoryRequestTimeout);
        Assert.Equal(new EmaCrossOptions(), options.Parameters.EmaCross);
        Assert.Equal(2.5m, options.RiskReward.For(Interval.Parse("15m")));
    }

    [Fact]
    public void The_default_warm_up_covers_the_macro_trend_of_every_default_interval()
    {
        var options = Bind([]);

        // The macro trend is an EMA(50) of the longest higher interval's closes.
        var needed = options.ActiveIntervals().Select(Interval.Parse)
            .Select(interval => 50 * (int)(HigherTimeframes.DefaultsFor(interval)[^1].Duration / interval.Duration));

        Assert.All(needed, candles => Assert.True(candles <= options.WarmUpCandles, $"{candles} candles"));
    }

    [Fact]
    public void Configured_intervals_and_strategies_replace_the_defaults()
    {
        var options = Bind(new() { ["Signal:Intervals:0"] = "1m", ["Signal:Intervals:1"] = "1h", ["Signal:Strategies:0"] = "ema-cross" });

        Assert.Equal(["1m", "1h"], options.ActiveIntervals());
        Assert.Equal(["ema-cross"], options.ActiveStrategies());
    }

    [Fact]
    public void Binds_strategy_parameters_risk_reward_minimums_and_the_gate()
    {
        var options = Bind(new()
        {
            ["Signal:Parameters:EmaCross:FastPeriod"] = "5",
            ["Signal:Parameters:EmaCross:StopAtrMultiple"] = "2.5",
            ["Signal:RiskReward:ByInterval:1h"] = "3.5",
            ["Signal:RiskReward:Default"] = "1.5",
            ["Signal:Gate:Enforce"] = "false",
        });

        Assert.Equal(new EmaCrossOptions { FastPeriod = 5, StopAtrMultiple = 2.5m }, options.Parameters.EmaCross);
        Assert.Equal(3.5m, options.RiskReward.For(Interval.Parse("1h")));
        Assert.Equal(3.0m, options.RiskReward.For(Interval.Parse("30m")));
        Assert.Equal(1.5m, options.RiskReward.For(Interval.Parse("4h")));
        Assert.False(options.Gate.Enforce);
    }

    [Theory]
    [InlineData("Signal:Parameters:EmaCross:FastPeriod", "21", "Signal:Parameters:EmaCross:FastPeriod")]
    [InlineData("Signal:Parameters:EmaCross:SlowPeriod", "5", "Signal:Parameters:EmaCross:FastPeriod")]
    [InlineData("Signal:Parameters:EmaCross:AtrPeriod", "0", "Signal:Parameters:EmaCross:AtrPeriod")]
    [InlineData("Signal:Parameters:EmaCross:StopAtrMultiple", "0", "Signal:Parameters:EmaCross:StopAtrMultiple")]
    [InlineData("Signal:Parameters:EmaCross:RiskReward", "-1", "Signal:Parameters:EmaCross:RiskReward")]
    [InlineData("Signal:Parameters:EmaCross:FastPeriode", "5", "Signal:Parameters:EmaCross:FastPeriode")]
    [InlineData("Signal:Strategies:0", "ema-crossover", "Signal:Strategies")]
    [InlineData("Signal:RiskReward:ByInterval:15m", "0", "Signal:RiskReward:ByInterval:15m")]
    [InlineData("Signal:RiskReward:ByInterval:15M", "2", "Signal:RiskReward:ByInterval:15M")]
    [InlineData("Signal:RiskReward:Default", "-2", "Signal:RiskReward:Default")]
    [InlineData("Signal:WarmUpCandles", "-1", "Signal:WarmUpCandles")]
    [InlineData("Signal:HistoryRequestTimeout", "00:00:00", "Signal:HistoryRequestTimeout")]
    [InlineData("Signal:Intervals:0", "1M", "Signal:Intervals")]
    [InlineData("Signal:Gate:Enforced", "true", "Signal:Gate:Enforced")]
    [InlineData("Signal:EmaCross:FastPeriod", "5", "Signal:EmaCross")]
    [InlineData("Signal:Instances", "0", "Signal:Instances")]
    [InlineData("Signal:Instances", "17", "Signal:Instances")]
    [InlineData("Signal:Instance", "-1", "Signal:Instance")]
    [InlineData("Signal:Instance", "1", "Signal:Instance")]
    public void Stops_start_up_with_a_message_naming_the_bad_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains($"'{named}", error.Message);
    }

    [Fact]
    public void One_instance_consumes_every_candle_partition_by_default()
    {
        var options = Bind([]);

        Assert.Equal(0, options.Instance);
        Assert.Equal(1, options.Instances);
    }

    [Fact]
    public void Binds_the_instance_number_and_count()
    {
        var options = Bind(new() { ["Signal:Instance"] = "2", ["Signal:Instances"] = "3" });

        Assert.Equal(2, options.Instance);
        Assert.Equal(3, options.Instances);
    }

    [Fact]
    public void Names_the_range_an_instance_number_must_be_in()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Signal:Instance"] = "2", ["Signal:Instances"] = "2" }));

        Assert.Contains("'Signal:Instance': must be between 0 and 1", error.Message);
    }

    [Fact]
    public void Names_the_unknown_strategy_and_the_known_ones()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Signal:Strategies:0"] = "ema-crossover" }));

        Assert.Contains("'ema-crossover' is not a strategy", error.Message);
        Assert.Contains("ema-cross", error.Message.Replace("'ema-crossover'", "", StringComparison.Ordinal));
    }

    private static SignalOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSettings<SignalOptions>(SignalOptions.Section);
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<SignalOptions>>().Value;
    }
}
