using Microsoft.Extensions.Options;
using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests;

public sealed class ReplayOptionsValidatorTests
{
    [Fact]
    public void Refuses_a_missing_file_naming_the_key_and_the_path()
    {
        var result = new ReplayOptionsValidator(ReplaySource).Validate(null, new ReplayOptions { File = "/no/such/dir/trades.csv" });

        Assert.True(result.Failed);
        Assert.Contains("Replay:File", result.FailureMessage);
        Assert.Contains("/no/such/dir/trades.csv", result.FailureMessage);
    }

    [Fact]
    public void Refuses_a_batch_window_that_is_not_positive()
    {
        var file = Path.GetTempFileName();

        var result = new ReplayOptionsValidator(ReplaySource).Validate(null, new ReplayOptions { File = file, BatchWindow = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Replay:BatchWindow", result.FailureMessage);
        File.Delete(file);
    }

    [Fact]
    public void Requires_a_file_when_the_source_is_the_replay()
    {
        var result = new ReplayOptionsValidator(ReplaySource).Validate(null, new ReplayOptions());

        Assert.True(result.Failed);
        Assert.Contains("'Replay:File' is required", result.FailureMessage);
    }

    [Fact]
    public void Needs_no_file_when_the_source_is_live()
    {
        var live = Options.Create(new MarketDataOptions { Source = MarketDataOptions.LiveSource });

        var result = new ReplayOptionsValidator(live).Validate(null, new ReplayOptions());

        Assert.True(result.Succeeded);
    }

    private static IOptions<MarketDataOptions> ReplaySource { get; } = Options.Create(new MarketDataOptions());
}
