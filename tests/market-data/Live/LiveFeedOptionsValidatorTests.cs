using Microsoft.Extensions.Options;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

public sealed class LiveFeedOptionsValidatorTests
{
    private readonly LiveFeedOptionsValidator _validator = new(Options.Create(new MarketDataOptions { Source = MarketDataOptions.LiveSource }));

    [Fact]
    public void Defaults_with_symbols_are_valid_and_prefer_kraken_then_coinbase()
    {
        var options = new LiveFeedOptions { Symbols = ["BTC/USD", "ETH/USD"] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(["KRAKEN", "COINBASE"], options.VenuePriority);
    }

    [Fact]
    public void Symbol_a_configured_venue_does_not_trade_fails_naming_symbol_and_venue()
    {
        var options = new LiveFeedOptions { Symbols = ["BTC/USD:PERP"], Venues = ["KRAKEN_FUTURES", "KRAKEN"] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("symbol 'BTC/USD:PERP' on venue 'KRAKEN'", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("venue 'KRAKEN_FUTURES'", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_symbols_unknown_venue_and_bad_limits_are_each_reported()
    {
        var options = new LiveFeedOptions
        {
            Venues = ["KRAKEN", "KRAKEN"],
            BatchSize = 0,
            BatchWindow = TimeSpan.Zero,
            KrakenRest = new Uri("ws://localhost/"),
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(5, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.Contains("LiveFeed:Symbols", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("lists KRAKEN more than once", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("LiveFeed:BatchSize", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("LiveFeed:BatchWindow", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("LiveFeed:KrakenRest", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_venue_fails_naming_it()
    {
        var options = new LiveFeedOptions { Symbols = ["BTC/USD"], Venues = ["BINANCE"] };

        var result = _validator.Validate(null, options);

        Assert.Contains("venue 'BINANCE'", result.FailureMessage, StringComparison.Ordinal);
    }
}
