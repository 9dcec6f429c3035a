namespace Trading.MarketData.Tests;

public sealed class MarketDataOptionsValidatorTests
{
    [Fact]
    public void Accepts_the_replay_source()
    {
        var result = new MarketDataOptionsValidator().Validate(null, new MarketDataOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Refuses_a_live_source_naming_the_key()
    {
        var result = new MarketDataOptionsValidator().Validate(null, new MarketDataOptions { Source = "Kraken" });

        Assert.True(result.Failed);
        Assert.Contains("MarketData:Source", result.FailureMessage);
        Assert.Contains("not implemented yet", result.FailureMessage);
    }
}
