using System.Globalization;
using System.Text.RegularExpressions;

namespace Trading.Cli.Record;

/// <summary>Parses <c>--duration</c>: <c>90s</c>, <c>10m</c>, <c>2h</c>, <c>1d</c>, combinations such as <c>1h30m</c>, or <c>hh:mm:ss</c>.</summary>
public static partial class RecordDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text?.Trim() ?? "";
        if (Units().Match(trimmed) is { Success: true } match)
        {
            try
            {
                foreach (Capture part in match.Groups["part"].Captures)
                {
                    var value = long.Parse(part.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture);
                    duration += part.Value[^1] switch
                    {
                        'd' => TimeSpan.FromDays(value),
                        'h' => TimeSpan.FromHours(value),
                        'm' => TimeSpan.FromMinutes(value),
                        _ => TimeSpan.FromSeconds(value),
                    };
                }
            }
            catch (Exception exception) when (exception is OverflowException or ArgumentOutOfRangeException)
            {
                return false;
            }
        }
        // Without a colon, TimeSpan would read a bare "10" as ten days.
        else if (!trimmed.Contains(':', StringComparison.Ordinal)
            || !TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out duration))
        {
            return false;
        }

        return duration > TimeSpan.Zero;
    }

    [GeneratedRegex(@"^(?<part>[0-9]{1,9}[dhms])+$", RegexOptions.CultureInvariant)]
    private static partial Regex Units();
}
