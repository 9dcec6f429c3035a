using System.Globalization;

namespace Trading.Cli.Download;

/// <summary>One line per page, for logs and pipes where a progress bar would be noise.</summary>
public sealed class PlainDownloadReporter(TextWriter output, TextWriter errors) : IDownloadReporter
{
    public void Started(DateTimeOffset rangeStart, DateTimeOffset rangeEnd, DateTimeOffset? resumedAfter)
    {
        var resumed = resumedAfter is { } last ? $" (resuming after {CandleCsvFile.FormatTime(last)})" : "";
        output.WriteLine($"Downloading {CandleCsvFile.FormatTime(rangeStart)} to {CandleCsvFile.FormatTime(rangeEnd)}{resumed}");
    }

    public void PageWritten(DownloadPage page)
    {
        var total = (page.RangeEnd - page.RangeStart).TotalSeconds;
        var done = total <= 0 ? 1 : Math.Clamp((page.CoveredUntil - page.RangeStart).TotalSeconds / total, 0, 1);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{done,4:P0} up to {CandleCsvFile.FormatTime(page.CoveredUntil)}: {page.PageCandles} candles, {page.TotalCandles} in total"));
    }

    public void Warning(string message) => errors.WriteLine("warning: " + message);
}
