using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.CandleBuilder.WarmUp;
using Trading.ServiceDefaults.Configuration;

namespace Trading.CandleBuilder.Tests.WarmUp;

public sealed class CandleWarmUpOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_defaults_which_warm_nothing()
    {
        var options = new CandleBuilderOptions();

        var result = new CandleWarmUpOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.Empty(CandleWarmUpOptionsValidator.ParseMarkets(options.WarmUp));
        Assert.Equal((300, TimeSpan.FromSeconds(30), true), (options.WarmUp.Candles, options.WarmUp.RequestTimeout, options.WarmUp.Enabled));
    }

    [Fact]
    public void Binds_from_the_CandleBuilder_section_as_environment_variables_spell_it()
    {
        var options = Bind(new()
        {
            ["CandleBuilder:WarmUp:Markets:0"] = "KRAKEN:BTC/USD",
            ["CandleBuilder:WarmUp:Markets:1"] = "KRAKEN_FUTURES:BTC/USD:PERP",
            ["CandleBuilder:WarmUp:Candles"] = "120",
            ["CandleBuilder:WarmUp:RequestTimeout"] = "00:00:10",
            ["CandleBuilder:WarmUp:Enabled"] = "false",
        });

        Assert.Equal(
            [new WarmUpMarket("KRAKEN", "BTC/USD"), new WarmUpMarket("KRAKEN_FUTURES", "BTC/USD:PERP")],
            CandleWarmUpOptionsValidator.ParseMarkets(options.WarmUp));
        Assert.Equal((120, TimeSpan.FromSeconds(10), false), (options.WarmUp.Candles, options.WarmUp.RequestTimeout, options.WarmUp.Enabled));
    }

    [Fact]
    public void A_misspelt_key_stops_start_up_naming_it()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["CandleBuilder:WarmUp:Market:0"] = "KRAKEN:BTC/USD" }));

        Assert.Contains("'CandleBuilder:WarmUp:Market'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BTC/USD", "'BTC/USD' is not VENUE:SYMBOL")]
    [InlineData(":BTC/USD", "is not VENUE:SYMBOL")]
    [InlineData("KRAKEN:", "is not VENUE:SYMBOL")]
    [InlineData("kraken:btc/usd", "must be upper case without spaces")]
    [InlineData("KRAKEN: BTC/USD", "must be upper case without spaces")]
    public void Refuses_a_market_that_is_not_VENUE_colon_SYMBOL_naming_its_key(string market, string said)
    {
        var options = new CandleBuilderOptions { WarmUp = { Markets = ["COINBASE:ETH/USD", market] } };

        var result = new CandleWarmUpOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Configuration key 'CandleBuilder:WarmUp:Markets:1': ", failure, StringComparison.Ordinal);
        Assert.Contains(said, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_market_listed_twice()
    {
        var options = new CandleBuilderOptions { WarmUp = { Markets = ["KRAKEN:BTC/USD", "COINBASE:BTC/USD", "KRAKEN:BTC/USD"] } };

        var result = new CandleWarmUpOptionsValidator().Validate(null, options);

        Assert.Equal(["Configuration key 'CandleBuilder:WarmUp:Markets:2': KRAKEN:BTC/USD is already listed at index 0."], result.Failures!);
    }

    [Theory]
    [InlineData(0, 30, "CandleBuilder:WarmUp:Candles")]
    [InlineData(5001, 30, "CandleBuilder:WarmUp:Candles")]
    [InlineData(300, 0, "CandleBuilder:WarmUp:RequestTimeout")]
    [InlineData(300, 601, "CandleBuilder:WarmUp:RequestTimeout")]
    public void Refuses_a_count_or_timeout_out_of_range_naming_its_key(int candles, int timeoutSeconds, string key)
    {
        var options = new CandleBuilderOptions { WarmUp = { Candles = candles, RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds) } };

        var result = new CandleWarmUpOptionsValidator().Validate(null, options);

        Assert.Contains($"'{key}'", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validation_at_start_up_names_the_bad_key()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["CandleBuilder:WarmUp:Markets:0"] = "KRAKEN-BTC/USD" }));

        Assert.Contains("CandleBuilder:WarmUp:Markets:0", error.Message, StringComparison.Ordinal);
    }

    private static CandleBuilderOptions Bind(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddSettings<CandleBuilderOptions>(CandleBuilderOptions.Section);
        builder.Services.AddSingleton<IValidateOptions<CandleBuilderOptions>, CandleWarmUpOptionsValidator>();
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<CandleBuilderOptions>>().Value;
    }
}
