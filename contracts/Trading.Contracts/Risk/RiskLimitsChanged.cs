namespace Trading.Contracts.Risk;

/// <summary>An operator changed risk limits at run time; each change is also in risk's audit trail.</summary>
public sealed record RiskLimitsChanged
{
    /// <summary>Each change as <c>name: old → new</c>, for example <c>maxOpenPositions: 2 → 3</c>.</summary>
    public required IReadOnlyList<string> Changes { get; init; }

    /// <summary>Why, in the operator's words.</summary>
    public required string Reason { get; init; }

    /// <summary>When the change took effect (UTC).</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
