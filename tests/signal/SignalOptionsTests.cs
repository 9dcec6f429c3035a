using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.ServiceDefaults.Configuration;

namespace Trading.Signal.Tests;

public sealed class SignalOptionsTests
{
    [Fact]
    public void Defaults_run_the_one_minute_interval_with_the_standard_ema_cross()
    {
        var options = Bind([]);

        Assert.Equal(["1m"], options.ActiveIntervals());
        Assert.Equal(500, options.WarmUpCandles);
        Assert.Equal(new Markets.Strategies.EmaCrossOptions(), options.EmaCross.ToOptions());
    }

    [Fact]
    public void Configured_intervals_replace_the_default()
    {
        var options = Bind(new() { ["Signal:Intervals:0"] = "5m", ["Signal:Intervals:1"] = "1h" });

        Assert.Equal(["5m", "1h"], options.ActiveIntervals());
    }

    [Fact]
    public void Binds_the_nested_ema_cross_settings()
    {
        var options = Bind(new() { ["Signal:EmaCross:FastPeriod"] = "5", ["Signal:EmaCross:StopAtrMultiple"] = "2.5" });

        Assert.Equal(5, options.EmaCross.FastPeriod);
        Assert.Equal(2.5m, options.EmaCross.StopAtrMultiple);
    }

    [Theory]
    [InlineData("Signal:EmaCross:FastPeriod", "21", "Signal:EmaCross:FastPeriod")]
    [InlineData("Signal:EmaCross:SlowPeriod", "5", "Signal:EmaCross:FastPeriod")]
    [InlineData("Signal:EmaCross:AtrPeriod", "0", "Signal:EmaCross:AtrPeriod")]
    [InlineData("Signal:EmaCross:StopAtrMultiple", "0", "Signal:EmaCross:StopAtrMultiple")]
    [InlineData("Signal:EmaCross:RiskReward", "-1", "Signal:EmaCross:RiskReward")]
    [InlineData("Signal:WarmUpCandles", "-1", "Signal:WarmUpCandles")]
    [InlineData("Signal:Intervals:0", "1M", "Signal:Intervals")]
    [InlineData("Signal:EmaCross:FastPeriode", "5", "Signal:EmaCross:FastPeriode")]
    public void Stops_start_up_with_a_message_naming_the_bad_key(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains($"'{named}'", error.Message);
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
