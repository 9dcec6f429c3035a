using Microsoft.Extensions.Options;

namespace Trading.MarketData.Replay;

/// <summary>
/// Checks what data annotations cannot: with the replay source, a file is named and exists and its first line fits the format;
/// the batch window and the candle interval are positive; the start is given at most one way and is not negative.
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
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.File)}': the file '{Path.GetFullPath(options.File)}' does not exist.");
        }
        else if (!string.IsNullOrWhiteSpace(options.File) && !Enum.IsDefined(options.Format))
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.Format)}' must be Auto, Trades or Candles; it is {options.Format}.");
        }
        else if (!string.IsNullOrWhiteSpace(options.File)
            && ReplayFile.ResolveFormat(options.Format, FirstLine(options.File), out var formatError) is null)
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.Format)}' is {options.Format}, but in '{Path.GetFullPath(options.File)}' {formatError}.");
        }

        if (options.BatchWindow <= TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.BatchWindow)}' must be a positive time span such as 00:00:01; it is {options.BatchWindow}.");
        }

        if (options.CandleInterval is { } interval && interval <= TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.CandleInterval)}' must be a positive time span such as 00:01:00; it is {interval}.");
        }

        if (options.StartOffset < TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration key '{ReplayOptions.Section}:{nameof(ReplayOptions.StartOffset)}' must not be negative; it is {options.StartOffset}.");
        }

        if (options.StartAt is not null && options.StartOffset != TimeSpan.Zero)
        {
            failures.Add(
                $"Configuration keys '{ReplayOptions.Section}:{nameof(ReplayOptions.StartAt)}' and '{ReplayOptions.Section}:{nameof(ReplayOptions.StartOffset)}' both set the start; set only one.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? FirstLine(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadLine();
    }
}
