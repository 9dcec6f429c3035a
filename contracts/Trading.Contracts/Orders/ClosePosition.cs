namespace Trading.Contracts.Orders;

/// <summary>
/// Command to execution: close one open position at the latest known market price (exit reason <see cref="ExitReason.Flatten"/>).
/// A request, answered with <see cref="Risk.OperatorCommandResult"/>, on the queue <c>execution-close-position</c>.
/// </summary>
public sealed record ClosePosition
{
    /// <summary>The command's own id: a repeated command with the same id is carried out once (the second answer says so).</summary>
    public required Guid CommandId { get; init; }

    /// <summary>
    /// The position: its full id, or the start of its id in hex without dashes (at least 4 characters), as <c>/positions</c> shows it.
    /// A start that matches more than one open position closes none.
    /// </summary>
    public required string Position { get; init; }

    /// <summary>Why, in words (logged).</summary>
    public required string Reason { get; init; }

    /// <summary>When it was asked (UTC).</summary>
    public required DateTimeOffset RequestedAt { get; init; }
}
