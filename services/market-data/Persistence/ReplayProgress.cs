namespace Trading.MarketData.Persistence;

/// <summary>A row of <c>replay_progress</c>.</summary>
public sealed class ReplayProgress
{
    public required string ReplayKey { get; init; }

    /// <summary>First line of the file not yet published (1-based, header included).</summary>
    public required int NextLine { get; init; }

    public required long TradesPublished { get; init; }

    public required DateTime StartedAt { get; init; }

    public DateTime? CompletedAt { get; init; }
}
