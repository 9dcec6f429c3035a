namespace Trading.MarketData.Replay;

/// <summary>One data line of a replay file: either a trade or the reason it could not be read.</summary>
public sealed record TradeFileLine
{
    /// <summary>How much of a malformed line goes into a log entry.</summary>
    public const int SampleLength = 60;

    public required int LineNumber { get; init; }

    public RecordedTrade? Trade { get; init; }

    /// <summary>Why the line is malformed; null for a trade.</summary>
    public string? Error { get; init; }

    /// <summary>The start of a malformed line, cut to <see cref="SampleLength"/> characters.</summary>
    public string? Sample { get; init; }

    public static TradeFileLine Malformed(int lineNumber, string line, string error) => new()
    {
        LineNumber = lineNumber,
        Error = error,
        Sample = line.Length <= SampleLength ? line : line[..SampleLength] + "…",
    };
}
