using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange.Connection;
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

    [Fact]
    public void Silence_timeouts_default_to_the_protocols_and_reconnect_backoff_to_the_reconnect_policy()
    {
        var options = new LiveFeedOptions { Symbols = ["BTC/USD"] };

        var result = _validator.Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal((null, null, null), (options.KrakenSilenceTimeout, options.CoinbaseSilenceTimeout, options.KrakenFuturesSilenceTimeout));
        var policy = new ReconnectPolicyOptions();
        Assert.Equal((policy.BaseDelay, policy.MaxDelay), (options.ReconnectBaseDelay, options.ReconnectMaxDelay));
        Assert.Equal((3, TimeSpan.FromSeconds(2)), (options.BackfillAttempts, options.BackfillRetryDelay));
    }

    [Fact]
    public void Non_positive_silence_timeouts_backoff_and_retry_settings_each_fail_naming_the_key()
    {
        var options = new LiveFeedOptions
        {
            Symbols = ["BTC/USD"],
            KrakenSilenceTimeout = TimeSpan.Zero,
            CoinbaseSilenceTimeout = TimeSpan.FromSeconds(-1),
            KrakenFuturesSilenceTimeout = TimeSpan.Zero,
            ReconnectBaseDelay = TimeSpan.Zero,
            ReconnectMaxDelay = TimeSpan.FromSeconds(-5),
            BackfillAttempts = 0,
            BackfillRetryDelay = TimeSpan.Zero,
        };

        var result = _validator.Validate(null, options);

        string[] keys =
        [
            "LiveFeed:KrakenSilenceTimeout", "LiveFeed:CoinbaseSilenceTimeout", "LiveFeed:KrakenFuturesSilenceTimeout",
            "LiveFeed:ReconnectBaseDelay", "LiveFeed:ReconnectMaxDelay", "LiveFeed:BackfillAttempts", "LiveFeed:BackfillRetryDelay",
        ];
        Assert.All(keys, key => Assert.Contains(result.Failures!, f => f.StartsWith($"Configuration key '{key}'", StringComparison.Ordinal)));
    }

    [Fact]
    public void Reconnect_base_delay_above_the_max_delay_fails_naming_both_keys()
    {
        var options = new LiveFeedOptions
        {
            Symbols = ["BTC/USD"],
            ReconnectBaseDelay = TimeSpan.FromSeconds(30),
            ReconnectMaxDelay = TimeSpan.FromSeconds(10),
        };

        var result = _validator.Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("'LiveFeed:ReconnectBaseDelay' (00:00:30) must not exceed 'LiveFeed:ReconnectMaxDelay' (00:00:10)", failure, StringComparison.Ordinal);
    }
}
