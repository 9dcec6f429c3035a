using Microsoft.Extensions.Options;

namespace Trading.MarketData.Replay;

/// <summary>
/// Checks what data annotations cannot: with the replay source, a file is named and exists; the batch window is positive.
/// </summary>
public sealed class ReplayOptionsValidator(IOptions<MarketDataOptions> source) : IValidateOptions<ReplayOptions>
{
    public ValidateOptionsResult Validate(string? name, ReplayOptions options)
    {
        var failures = new List<string>();
        if (source.Value.IsReplay && string.IsNullOrWhiteSpace(options.File))
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.File)}' is required when {MarketDataOptions.Section}:{nameof(MarketDataOptions.Source)} is {MarketDataOptions.ReplaySource}.");
        }
        else if (!string.IsNullOrWhiteSpace(options.File) && !File.Exists(options.File))
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.File)}': the trades file '{Path.GetFullPath(options.File)}' does not exist.");
        }

        if (options.BatchWindow <= TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.BatchWindow)}' must be a positive time span such as 00:00:01; it is {options.BatchWindow}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
