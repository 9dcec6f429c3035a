namespace Trading.Contracts.Risk;

/// <summary>The account as risk books it, after every fill and close: equity, peak, the UTC day's P&amp;L and the open positions.</summary>
public sealed record AccountUpdated
{
    /// <summary>Equity in quote currency: starting equity plus fees and closed results.</summary>
    public required decimal Equity { get; init; }

    /// <summary>Highest equity so far (reset by an operator's resume after a drawdown halt).</summary>
    public required decimal PeakEquity { get; init; }

    /// <summary>Realised P&amp;L of the UTC day, net of fees.</summary>
    public required decimal PnlToday { get; init; }

    /// <summary>Positions open or awaiting their fill.</summary>
    public required int OpenPositions { get; init; }

    /// <summary>Rules of the halts in force (kill-switch, max-drawdown, daily-loss-limit); empty when trading.</summary>
    public required IReadOnlyList<string> Halts { get; init; }

    /// <summary>When risk booked the change (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
