namespace Trading.Execution.Paper;

/// <summary>What one market trade did to the paper book: entries first, then exits.</summary>
public sealed record TradeOutcome
{
    public static TradeOutcome None { get; } = new() { Entries = [], Exits = [] };

    public required IReadOnlyList<EntryFill> Entries { get; init; }

    public required IReadOnlyList<ExitFill> Exits { get; init; }

    public bool IsEmpty => Entries.Count == 0 && Exits.Count == 0;
}
