namespace Trading.Contracts.Signals;

/// <summary>Risk refused to trade a signal.</summary>
public sealed record SignalRejected
{
    /// <summary>The rejected signal.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>The rule that refused it, for example <c>max-open-positions</c>.</summary>
    public required string Rule { get; init; }

    /// <summary>The reason in words, with the numbers involved.</summary>
    public required string Reason { get; init; }

    /// <summary>When risk decided (UTC).</summary>
    public required DateTimeOffset RejectedAt { get; init; }
}
