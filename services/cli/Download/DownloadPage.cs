namespace Trading.Cli.Download;

/// <summary>Progress after one page was written and flushed.</summary>
public sealed record DownloadPage
{
    /// <summary>Bar start of the first candle this run is after.</summary>
    public required DateTimeOffset RangeStart { get; init; }

    /// <summary>End of the range, excluded: no candle starting at or after it is downloaded.</summary>
    public required DateTimeOffset RangeEnd { get; init; }

    /// <summary>Everything before this time has been fetched.</summary>
    public required DateTimeOffset CoveredUntil { get; init; }

    public required int PageCandles { get; init; }

    public required int TotalCandles { get; init; }

    /// <summary>Bar start of the last row in the file, null while it holds none.</summary>
    public DateTimeOffset? LastCandleAt { get; init; }
}
