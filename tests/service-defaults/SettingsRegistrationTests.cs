using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.ServiceDefaults.Configuration;

namespace Trading.ServiceDefaults.Tests;

public sealed class SettingsRegistrationTests
{
    [Fact]
    public void Binds_configured_values_over_the_defaults()
    {
        var options = Bind(new() { ["Sample:Limit"] = "7" });

        Assert.Equal(7, options.Limit);
        Assert.Equal(["1m"], options.Intervals);
    }

    [Fact]
    public void A_configured_list_replaces_the_default_list_instead_of_adding_to_it()
    {
        var options = Bind(new() { ["Sample:Intervals:0"] = "5m", ["Sample:Intervals:1"] = "1h" });

        Assert.Equal(["5m", "1h"], options.Intervals);
    }

    [Fact]
    public void A_misspelt_key_fails_naming_the_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Sample:Limt"] = "7" }));

        Assert.Contains("'Sample:Limt'", failure.Message);
    }

    [Fact]
    public void A_misspelt_nested_key_fails_naming_its_whole_path()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Sample:Channel:Nmae"] = "desk" }));

        Assert.Contains("'Sample:Channel:Nmae'", failure.Message);
    }

    [Fact]
    public void A_value_that_does_not_convert_fails_naming_the_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Sample:Limit"] = "seven" }));

        Assert.Contains("Sample:Limit", failure.Message);
    }

    [Fact]
    public void A_value_out_of_range_fails_naming_the_key()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { ["Sample:Limit"] = "0" }));

        Assert.Contains("'Sample:Limit'", failure.Message);
    }

    [Fact]
    public void A_missing_connection_string_names_the_key_and_its_environment_variable()
    {
        var configuration = new ConfigurationBuilder().Build();

        var failure = Assert.Throws<InvalidOperationException>(() => RequiredConnectionString.Get(configuration, ResourceNames.Postgres));

        Assert.Contains("ConnectionStrings:Postgres", failure.Message);
        Assert.Contains("ConnectionStrings__Postgres", failure.Message);
    }

    private static SampleOptions Bind(Dictionary<string, string?> values)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(values);
        builder.AddSettings<SampleOptions>("Sample");
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<SampleOptions>>().Value;
    }

    public sealed class SampleOptions
    {
        [Range(1, 100)]
        public int Limit { get; set; } = 3;

        public string[] Intervals { get; set; } = ["1m"];

        public SampleChannel Channel { get; set; } = new();
    }

    public sealed class SampleChannel
    {
        public string Name { get; set; } = "";
    }
}
