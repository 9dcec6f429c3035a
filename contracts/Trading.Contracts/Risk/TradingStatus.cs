namespace Trading.Contracts.Risk;

/// <summary>The account as risk has committed it, and whether it trades: the answer to <see cref="GetTradingStatus"/>.</summary>
public sealed record TradingStatus
{
    /// <summary>Equity in quote currency.</summary>
    public required decimal Equity { get; init; }

    /// <summary>Highest equity so far, the base of the drawdown limit.</summary>
    public required decimal PeakEquity { get; init; }

    /// <summary>Drawdown from the peak, 0 to 1.</summary>
    public required decimal Drawdown { get; init; }

    /// <summary>Realised P&amp;L of the current UTC day, net of fees; negative for a loss.</summary>
    public required decimal PnlToday { get; init; }

    /// <summary>Positions open now, orders awaiting their fill included.</summary>
    public required int OpenPositions { get; init; }

    /// <summary>True while trading is halted (any halt is active).</summary>
    public required bool Halted { get; init; }

    /// <summary>The active halts, one line each: the rule, a colon and the reason (for example <c>kill-switch: …</c>); empty when trading.</summary>
    public required IReadOnlyList<string> Halts { get; init; }

    /// <summary>When the status was read (UTC).</summary>
    public required DateTimeOffset StatusAt { get; init; }
}
