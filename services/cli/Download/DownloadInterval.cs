using Trading.Markets;

namespace Trading.Cli.Download;

/// <summary>An interval code both venues serve, with each venue's own name for it.</summary>
public sealed record DownloadInterval(Interval Interval, int KrakenMinutes, string CoinbaseGranularity)
{
    public static IReadOnlyList<DownloadInterval> All { get; } =
    [
        new(Interval.Parse("1m"), 1, "ONE_MINUTE"),
        new(Interval.Parse("5m"), 5, "FIVE_MINUTE"),
        new(Interval.Parse("15m"), 15, "FIFTEEN_MINUTE"),
        new(Interval.Parse("30m"), 30, "THIRTY_MINUTE"),
        new(Interval.Parse("1h"), 60, "ONE_HOUR"),
        new(Interval.Parse("4h"), 240, "FOUR_HOUR"),
        new(Interval.Parse("1d"), 1440, "ONE_DAY"),
    ];

    public string Code => Interval.Code;

    public TimeSpan Duration => Interval.Duration;

    public static bool TryParse(string? code, out DownloadInterval interval)
    {
        interval = All.FirstOrDefault(i => i.Code == code)!;
        return interval is not null;
    }
}
