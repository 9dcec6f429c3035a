using Microsoft.Extensions.Options;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>Checks the warm-up settings of <see cref="CandleBuilderOptions.WarmUp"/>, naming the key of each bad value.</summary>
public sealed class CandleWarmUpOptionsValidator : IValidateOptions<CandleBuilderOptions>
{
    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, CandleBuilderOptions options)
    {
        var failures = Failures(options.WarmUp);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static IReadOnlyList<string> Failures(CandleWarmUpOptions options)
    {
        var failures = new List<string>();
        const string section = CandleWarmUpOptions.Section;
        var seen = new Dictionary<WarmUpMarket, int>();
        for (var i = 0; i < options.Markets.Length; i++)
        {
            var key = $"{section}:{nameof(CandleWarmUpOptions.Markets)}:{i}";
            if (!WarmUpMarket.TryParse(options.Markets[i], out var market, out var error))
            {
                failures.Add($"Configuration key '{key}': {error}.");
            }
            else if (!seen.TryAdd(market, i))
            {
                failures.Add($"Configuration key '{key}': {market} is already listed at index {seen[market]}.");
            }
        }

        if (options.Candles is < 1 or > CandleWarmUpOptions.MaxCandles)
        {
            failures.Add(
                $"Configuration key '{section}:{nameof(CandleWarmUpOptions.Candles)}' must be between 1 and {CandleWarmUpOptions.MaxCandles}; it is {options.Candles}.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > MaxRequestTimeout)
        {
            failures.Add(
                $"Configuration key '{section}:{nameof(CandleWarmUpOptions.RequestTimeout)}' must be positive and at most {MaxRequestTimeout}, for example 00:00:30; it is {options.RequestTimeout}.");
        }

        return failures;
    }

    /// <summary>The configured markets, parsed; call after validation.</summary>
    public static IReadOnlyList<WarmUpMarket> ParseMarkets(CandleWarmUpOptions options) =>
        [.. options.Markets.Select(text => WarmUpMarket.TryParse(text, out var market, out var error) ? market : throw new FormatException(error))];
}
