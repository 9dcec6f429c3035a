namespace Trading.MarketData.Tests;

public sealed class MarketDataOptionsValidatorTests
{
    [Theory]
    [InlineData("Replay")]
    [InlineData("Live")]
    [InlineData("live")]
    public void Accepts_the_replay_and_live_sources(string source)
    {
        var result = new MarketDataOptionsValidator().Validate(null, new MarketDataOptions { Source = source });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Refuses_an_unknown_source_naming_the_key()
    {
        var result = new MarketDataOptionsValidator().Validate(null, new MarketDataOptions { Source = "Kraken" });

        Assert.True(result.Failed);
        Assert.Contains("MarketData:Source", result.FailureMessage);
        Assert.Contains("'Replay' or 'Live'", result.FailureMessage);
    }
}
