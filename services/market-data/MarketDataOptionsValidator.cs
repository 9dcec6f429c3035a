using Microsoft.Extensions.Options;

namespace Trading.MarketData;

/// <summary>Refuses sources that do not exist yet, so a live configuration never silently runs the replay.</summary>
public sealed class MarketDataOptionsValidator : IValidateOptions<MarketDataOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketDataOptions options) =>
        string.Equals(options.Source, MarketDataOptions.ReplaySource, StringComparison.OrdinalIgnoreCase)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Configuration key '{MarketDataOptions.Section}:{nameof(MarketDataOptions.Source)}' is '{options.Source}': "
                + $"only '{MarketDataOptions.ReplaySource}' is supported; live venues (Kraken, Coinbase) are not implemented yet.");
}
