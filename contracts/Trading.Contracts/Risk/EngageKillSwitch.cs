namespace Trading.Contracts.Risk;

/// <summary>
/// Command to risk: engage the kill switch, so that every new signal is rejected until an operator resumes. A request, answered
/// with <see cref="OperatorCommandResult"/>, on the queue <c>risk-engage-kill-switch</c>.
/// </summary>
public sealed record EngageKillSwitch
{
    /// <summary>The command's own id: a repeated command with the same id is carried out once (the second answer says so).</summary>
    public required Guid CommandId { get; init; }

    /// <summary>Why, in words (audited).</summary>
    public required string Reason { get; init; }

    /// <summary>Who asked, for example <c>telegram:desk</c> (audited).</summary>
    public required string Actor { get; init; }

    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary>Also close every open position at the market.</summary>
    public bool Flatten { get; init; }
}
