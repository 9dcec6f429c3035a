namespace Trading.Contracts.Risk;

/// <summary>Risk approves new orders again.</summary>
public sealed record TradingResumed
{
    /// <summary>Why, in words (for example "new UTC day" or "resumed by operator").</summary>
    public required string Reason { get; init; }

    /// <summary>When trading resumed (UTC).</summary>
    public required DateTimeOffset ResumedAt { get; init; }
}
