using Microsoft.Extensions.Options;

namespace Trading.MarketData;

/// <summary>Refuses an unknown source, so a misspelt one never silently runs something else.</summary>
public sealed class MarketDataOptionsValidator : IValidateOptions<MarketDataOptions>
{
    public ValidateOptionsResult Validate(string? name, MarketDataOptions options) =>
        options.IsReplay || options.IsLive
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Configuration key '{MarketDataOptions.Section}:{nameof(MarketDataOptions.Source)}' is '{options.Source}': "
                + $"use '{MarketDataOptions.ReplaySource}' or '{MarketDataOptions.LiveSource}'.");
}
