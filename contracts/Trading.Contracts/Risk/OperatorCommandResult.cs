namespace Trading.Contracts.Risk;

/// <summary>
/// The answer to an operator command (<see cref="EngageKillSwitch"/>, <see cref="ResumeTrading"/>,
/// <see cref="Orders.ClosePosition"/>): whether it changed anything, and what happened in words.
/// </summary>
public sealed record OperatorCommandResult
{
    /// <summary>The id of the command answered.</summary>
    public required Guid CommandId { get; init; }

    /// <summary>
    /// True when the command changed something now; false when there was nothing to do (already engaged, nothing to lift, no such
    /// position) or when it was a repeat of a command already carried out.
    /// </summary>
    public required bool Applied { get; init; }

    /// <summary>What happened, in words, for the operator.</summary>
    public required string Summary { get; init; }

    /// <summary>When the owner answered (UTC).</summary>
    public required DateTimeOffset AnsweredAt { get; init; }
}
