namespace Trading.Notification.Notifications;

/// <summary>What the periodic status report tells (every N minutes): how long the system has run and what it has done.</summary>
public sealed record StatusReport
{
    /// <summary>How long the reporting instance has been running.</summary>
    public required TimeSpan Runtime { get; init; }

    /// <summary>Closed candles seen since start.</summary>
    public required long CandlesProcessed { get; init; }

    /// <summary>Signals seen since start.</summary>
    public required int Signals { get; init; }

    /// <summary>Positions open now.</summary>
    public required int OpenPositions { get; init; }

    /// <summary>Account equity in quote currency; null when not known yet.</summary>
    public decimal? Equity { get; init; }

    /// <summary>Realised P&amp;L of the UTC day, net of fees; null when not known yet.</summary>
    public decimal? PnlToday { get; init; }

    /// <summary>When the report was taken (UTC).</summary>
    public required DateTimeOffset At { get; init; }
}
