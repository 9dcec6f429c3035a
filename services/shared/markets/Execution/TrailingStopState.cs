namespace Trading.Markets.Execution;

/// <summary>Where a position's stop stands now and the best price seen since entry.</summary>
public sealed record TrailingStopState
{
    /// <summary>The stop in force; starts at the position's stop loss.</summary>
    public required decimal Stop { get; init; }

    /// <summary>The highest trade price since entry for a long, the lowest for a short; starts at the entry price.</summary>
    public required decimal BestPrice { get; init; }

    /// <summary>The state of a position that was just opened.</summary>
    public static TrailingStopState Initial(PaperPosition position) => new() { Stop = position.StopLoss, BestPrice = position.EntryPrice };
}
