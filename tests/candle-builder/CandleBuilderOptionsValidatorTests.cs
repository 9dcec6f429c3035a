using Microsoft.Extensions.Configuration;
using Trading.Markets;

namespace Trading.CandleBuilder.Tests;

public sealed class CandleBuilderOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults()
    {
        var result = new CandleBuilderOptionsValidator().Validate(null, new CandleBuilderOptions());

        Assert.True(result.Succeeded);
        Assert.Equal(Interval.All, CandleBuilderOptionsValidator.ParseIntervals(new CandleBuilderOptions()));
    }

    [Fact]
    public void Refuses_an_unknown_interval_code_naming_the_key_and_the_code()
    {
        var result = new CandleBuilderOptionsValidator().Validate(null, new CandleBuilderOptions { Intervals = ["1m", "7m"] });

        Assert.True(result.Failed);
        Assert.Contains("CandleBuilder:Intervals", result.FailureMessage);
        Assert.Contains("'7m'", result.FailureMessage);
    }

    [Fact]
    public void Builds_every_supported_interval_when_none_is_configured()
    {
        var options = new CandleBuilderOptions { Intervals = [] };

        var result = new CandleBuilderOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Equal(Interval.All, CandleBuilderOptionsValidator.ParseIntervals(options));
    }

    [Fact]
    public void Refuses_a_negative_grace_period_and_a_zero_scan_interval()
    {
        var options = new CandleBuilderOptions { GracePeriod = TimeSpan.FromSeconds(-1), ScanInterval = TimeSpan.Zero };

        var result = new CandleBuilderOptionsValidator().Validate(null, options);

        Assert.Contains("CandleBuilder:GracePeriod", result.FailureMessage);
        Assert.Contains("CandleBuilder:ScanInterval", result.FailureMessage);
    }

    [Fact]
    public void Parses_configured_intervals_once_each_in_order()
    {
        var options = new CandleBuilderOptions { Intervals = ["5m", "1m", "5m"] };

        var intervals = CandleBuilderOptionsValidator.ParseIntervals(options);

        Assert.Equal(["5m", "1m"], intervals.Select(i => i.Code));
    }

    [Fact]
    public void Configured_intervals_replace_the_default_list()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["CandleBuilder:Intervals:0"] = "5m" })
            .Build();
        var options = new CandleBuilderOptions();

        configuration.GetSection(CandleBuilderOptions.Section).Bind(options);

        Assert.Equal(["5m"], options.Intervals);
    }
}
