using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests;

public sealed class ReplayOptionsValidatorTests
{
    [Fact]
    public void Refuses_a_missing_file_naming_the_key_and_the_path()
    {
        var result = new ReplayOptionsValidator().Validate(null, new ReplayOptions { File = "/no/such/dir/trades.csv" });

        Assert.True(result.Failed);
        Assert.Contains("Replay:File", result.FailureMessage);
        Assert.Contains("/no/such/dir/trades.csv", result.FailureMessage);
    }

    [Fact]
    public void Refuses_a_batch_window_that_is_not_positive()
    {
        var file = Path.GetTempFileName();

        var result = new ReplayOptionsValidator().Validate(null, new ReplayOptions { File = file, BatchWindow = TimeSpan.Zero });

        Assert.True(result.Failed);
        Assert.Contains("Replay:BatchWindow", result.FailureMessage);
        File.Delete(file);
    }
}
