namespace Trading.MarketData.Replay;

/// <summary>One data line of a candles file: either a bar or the reason it could not be read.</summary>
public sealed record CandleFileLine
{
    public required int LineNumber { get; init; }

    public RecordedCandle? Candle { get; init; }

    /// <summary>Why the line is malformed; null for a bar.</summary>
    public string? Error { get; init; }

    /// <summary>The start of a malformed line, cut to <see cref="TradeFileLine.SampleLength"/> characters.</summary>
    public string? Sample { get; init; }

    public static CandleFileLine Malformed(int lineNumber, string line, string error) => new()
    {
        LineNumber = lineNumber,
        Error = error,
        Sample = line.Length <= TradeFileLine.SampleLength ? line : line[..TradeFileLine.SampleLength] + "…",
    };
}
