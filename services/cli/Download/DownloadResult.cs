namespace Trading.Cli.Download;

/// <summary>What a finished download wrote.</summary>
public sealed record DownloadResult
{
    public required string Path { get; init; }

    public required int CandlesWritten { get; init; }

    /// <summary>Bar start of the first candle written by this run; null when none was.</summary>
    public DateTimeOffset? FirstWritten { get; init; }

    /// <summary>Bar start of the last candle written by this run; null when none was.</summary>
    public DateTimeOffset? LastWritten { get; init; }

    /// <summary>Bar start of the file's last row before this run, when it resumed a file.</summary>
    public DateTimeOffset? ResumedAfter { get; init; }

    public required DateTimeOffset RangeStart { get; init; }

    public required DateTimeOffset RangeEnd { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];
}
