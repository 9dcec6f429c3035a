namespace Trading.Cli.Download;

/// <summary>Where <see cref="CandleDownloader"/> tells its progress: a progress bar, plain lines, or a test.</summary>
public interface IDownloadReporter
{
    void Started(DateTimeOffset rangeStart, DateTimeOffset rangeEnd, DateTimeOffset? resumedAfter);

    void PageWritten(DownloadPage page);

    void Warning(string message);
}
