namespace Trading.Markets.Risk;

/// <summary>
/// The account as the risk rules see it when a trade is asked for: equity, the day's figures, the losing streak, the halts and
/// the open positions. Money is in quote currency. The caller keeps it up to date; <see cref="RiskGate"/> only reads it.
/// </summary>
public sealed record RiskAccount
{
    /// <summary>Equity now.</summary>
    public required decimal Equity { get; init; }

    /// <summary>Highest equity so far; a value below <see cref="Equity"/> is read as <see cref="Equity"/>.</summary>
    public required decimal PeakEquity { get; init; }

    /// <summary>The UTC day that <see cref="DayStartEquity"/> and <see cref="RealisedPnlToday"/> belong to.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Equity at the start of <see cref="Day"/> (UTC midnight).</summary>
    public required decimal DayStartEquity { get; init; }

    /// <summary>
    /// Realised P&amp;L of positions closed during <see cref="Day"/>, net of fees; negative for a loss. When the evaluation time falls
    /// on another UTC day, these day figures are stale and read as a fresh day: no P&amp;L, starting from <see cref="Equity"/>.
    /// </summary>
    public decimal RealisedPnlToday { get; init; }

    /// <summary>Losing trades in a row, up to the latest close; not negative.</summary>
    public int ConsecutiveLosses { get; init; }

    /// <summary>When the latest losing trade closed (UTC); required when <see cref="ConsecutiveLosses"/> is above 0.</summary>
    public DateTimeOffset? LastLossAt { get; init; }

    /// <summary>True while an operator's kill switch is engaged.</summary>
    public bool KillSwitch { get; init; }

    /// <summary>True from a drawdown halt until an operator resumes.</summary>
    public bool DrawdownHalted { get; init; }

    /// <summary>End of a recorded daily loss halt (the next UTC midnight after it started); null when none was recorded.</summary>
    public DateTimeOffset? DailyLossHaltedUntil { get; init; }

    /// <summary>Positions open now, orders awaiting their fill included.</summary>
    public IReadOnlyList<OpenPosition> OpenPositions { get; init; } = [];

    /// <summary>A fresh account: <paramref name="equity"/> as peak and start of the UTC day of <paramref name="now"/>, nothing open, no halt.</summary>
    /// <param name="equity">Equity in quote currency.</param>
    /// <param name="now">The current time (UTC), which names the day.</param>
    public static RiskAccount Start(decimal equity, DateTimeOffset now) => new()
    {
        Equity = equity,
        PeakEquity = equity,
        Day = DateOnly.FromDateTime(now.UtcDateTime),
        DayStartEquity = equity,
    };
}
