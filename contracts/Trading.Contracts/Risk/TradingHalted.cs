namespace Trading.Contracts.Risk;

/// <summary>Risk stopped approving new orders.</summary>
public sealed record TradingHalted
{
    /// <summary>The rule that halted trading, for example <c>daily-loss-limit</c> or <c>kill-switch</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>Why, in words, with the numbers involved.</summary>
    public required string Reason { get; init; }

    /// <summary>When trading was halted (UTC).</summary>
    public required DateTimeOffset HaltedAt { get; init; }

    /// <summary>When trading resumes by itself, or null when an operator must resume it.</summary>
    public DateTimeOffset? ResumesAt { get; init; }
}
