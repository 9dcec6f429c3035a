namespace Trading.MarketData.Persistence;

/// <summary>A row of <c>replay_progress</c>.</summary>
public sealed class ReplayProgress
{
    public required string ReplayKey { get; init; }

    /// <summary>First line of the file not yet fully published (1-based, header included).</summary>
    public required int NextLine { get; init; }

    /// <summary>First trade of <see cref="NextLine"/> not yet published: a candle line yields several (0 = the whole line is due).</summary>
    public int NextPoint { get; init; }

    /// <summary>The loop being played, 0 for the first pass over the file.</summary>
    public int LoopNumber { get; init; }

    public required long TradesPublished { get; init; }

    public required DateTime StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }

    public ReplayCursor Cursor => new(LoopNumber, NextLine, NextPoint);
}
