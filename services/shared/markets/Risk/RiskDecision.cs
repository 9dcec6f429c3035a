namespace Trading.Markets.Risk;

/// <summary>The outcome of <see cref="RiskGate.Decide"/> and of the sizing-only <see cref="RiskGate.Evaluate"/>.</summary>
public sealed record RiskDecision
{
    /// <summary>True if the trade may be placed with <see cref="Quantity"/>.</summary>
    public required bool Approved { get; init; }

    /// <summary>Approved quantity in base currency, a multiple of the quantity step; 0 when rejected.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Kebab-case name of the rule that rejected the trade (for example <c>max-open-positions</c>); null when approved.</summary>
    public string? Rule { get; init; }

    /// <summary>Why, in words with the numbers, for approvals and rejections alike.</summary>
    public required string Reason { get; init; }
}
