using Spectre.Console;

namespace Trading.Cli.Download;

/// <summary>Moves a Spectre progress bar over the time range covered so far.</summary>
public sealed class ProgressBarDownloadReporter(ProgressTask task) : IDownloadReporter
{
    private DateTimeOffset _rangeStart;

    public void Started(DateTimeOffset rangeStart, DateTimeOffset rangeEnd, DateTimeOffset? resumedAfter)
    {
        _rangeStart = rangeStart;
        task.MaxValue = Math.Max(1, (rangeEnd - rangeStart).TotalSeconds);
        if (resumedAfter is { } last)
        {
            task.Description += Markup.Escape($" (after {CandleCsvFile.FormatTime(last)})");
        }
    }

    public void PageWritten(DownloadPage page) => task.Value = Math.Max(0, (page.CoveredUntil - _rangeStart).TotalSeconds);

    public void Warning(string message) => AnsiConsole.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");
}
