namespace Trading.Markets.Risk;

/// <summary>A halt whose limit the account has reached but which it does not record yet; the caller records and announces it.</summary>
public sealed record RiskHaltDue
{
    /// <summary>Which halt.</summary>
    public required RiskHalt Halt { get; init; }

    /// <summary>The rule that rejects orders while the halt lasts (<see cref="RiskRules.DailyLossLimit"/> or <see cref="RiskRules.MaxDrawdown"/>).</summary>
    public required string Rule { get; init; }

    /// <summary>When the halt ends by itself (UTC): the next UTC midnight for a daily loss halt; null when an operator must resume.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Why, in words with the numbers.</summary>
    public required string Reason { get; init; }
}
