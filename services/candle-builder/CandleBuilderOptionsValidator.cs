using Microsoft.Extensions.Options;
using Trading.Markets;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder;

/// <summary>Checks the interval codes and time spans, naming the key of each bad value.</summary>
public sealed class CandleBuilderOptionsValidator : IValidateOptions<CandleBuilderOptions>
{
    public ValidateOptionsResult Validate(string? name, CandleBuilderOptions options)
    {
        var failures = new List<string>();
        var key = $"{CandleBuilderOptions.Section}:{nameof(CandleBuilderOptions.Intervals)}";
        foreach (var code in Codes(options))
        {
            try
            {
                Interval.Parse(code);
            }
            catch (FormatException ex)
            {
                failures.Add($"Configuration key '{key}': {ex.Message}");
            }
        }

        if (options.GracePeriod < TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{CandleBuilderOptions.Section}:{nameof(CandleBuilderOptions.GracePeriod)}' must not be negative; it is {options.GracePeriod}.");
        }

        if (options.ScanInterval <= TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{CandleBuilderOptions.Section}:{nameof(CandleBuilderOptions.ScanInterval)}' must be positive, for example 00:00:01; it is {options.ScanInterval}.");
        }

        if (PartitionOwnership.Check(options.Instance, options.Instances, CandleBuilderOptions.Section) is var (setting, problem))
        {
            failures.Add($"Configuration key '{CandleBuilderOptions.Section}:{setting}' {problem}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The configured intervals, parsed and without repeats, in configuration order.</summary>
    public static IReadOnlyList<Interval> ParseIntervals(CandleBuilderOptions options) =>
        Codes(options).Select(Interval.Parse).Distinct().ToArray();

    private static IEnumerable<string> Codes(CandleBuilderOptions options) =>
        options.Intervals is { Length: > 0 } codes ? codes : CandleBuilderOptions.DefaultIntervals;
}
