namespace Trading.Contracts.Risk;

/// <summary>
/// Command to risk: lift the kill switch and the drawdown halt (a daily loss halt runs to the end of its UTC day). A request,
/// answered with <see cref="OperatorCommandResult"/>, on the queue <c>risk-resume-trading</c>.
/// </summary>
public sealed record ResumeTrading
{
    /// <summary>The command's own id: a repeated command with the same id is carried out once (the second answer says so).</summary>
    public required Guid CommandId { get; init; }

    /// <summary>Why, in words (audited).</summary>
    public required string Reason { get; init; }

    /// <summary>Who asked, for example <c>telegram:desk</c> (audited).</summary>
    public required string Actor { get; init; }

    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
