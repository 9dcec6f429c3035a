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

    [Fact]
    public void Refuses_a_format_the_header_contradicts_naming_the_key()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "time_utc_iso,price,size,side\n2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy\n");

        var result = new ReplayOptionsValidator(ReplaySource).Validate(null, new ReplayOptions { File = file, Format = ReplayFileFormat.Candles });

        Assert.True(result.Failed);
        Assert.Contains("'Replay:Format' is Candles", result.FailureMessage);
        Assert.Contains("holds trades", result.FailureMessage);
        File.Delete(file);
    }

    [Fact]
    public void Accepts_a_candle_file_under_auto()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "time_utc_iso,open,high,low,close,volume\n2017-09-03T00:00:00Z,1,2,1,2,3\n");

        var result = new ReplayOptionsValidator(ReplaySource).Validate(null, new ReplayOptions { File = file });

        Assert.True(result.Succeeded);
        File.Delete(file);
    }

    [Fact]
    public void Refuses_a_start_given_both_as_offset_and_as_time()
    {
        var options = new ReplayOptions { StartOffset = TimeSpan.FromHours(1), StartAt = DateTimeOffset.UnixEpoch };

        var result = new ReplayOptionsValidator(LiveSource).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'Replay:StartAt' and 'Replay:StartOffset'", result.FailureMessage);
    }

    [Fact]
    public void Refuses_a_negative_start_offset_and_a_candle_interval_that_is_not_positive()
    {
        var options = new ReplayOptions { StartOffset = TimeSpan.FromMinutes(-1), CandleInterval = TimeSpan.Zero };

        var result = new ReplayOptionsValidator(LiveSource).Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'Replay:StartOffset' must not be negative", result.FailureMessage);
        Assert.Contains("'Replay:CandleInterval' must be a positive time span", result.FailureMessage);
    }

    private static IOptions<MarketDataOptions> LiveSource { get; } = Options.Create(new MarketDataOptions { Source = MarketDataOptions.LiveSource });

    private static IOptions<MarketDataOptions> ReplaySource { get; } = Options.Create(new MarketDataOptions());
}
