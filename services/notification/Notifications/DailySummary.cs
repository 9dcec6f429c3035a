namespace Trading.Notification.Notifications;

/// <summary>The summary of one UTC trading day, sent once after the day ends.</summary>
public sealed record DailySummary
{
    /// <summary>The UTC day summed up.</summary>
    public required DateOnly Day { get; init; }

    /// <summary>Positions closed during the day.</summary>
    public required int Trades { get; init; }

    /// <summary>Closed positions that made money (net of fees).</summary>
    public required int Wins { get; init; }

    /// <summary>Closed positions that lost money (net of fees).</summary>
    public required int Losses { get; init; }

    /// <summary>Realised P&amp;L of the day, net of fees, in quote currency.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>The best closed result of the day; null without trades.</summary>
    public decimal? BestTrade { get; init; }

    /// <summary>The worst closed result of the day; null without trades.</summary>
    public decimal? WorstTrade { get; init; }

    /// <summary>Account equity at the end of the day; null when not known.</summary>
    public decimal? Equity { get; init; }

    /// <summary>Signals raised during the day.</summary>
    public required int Signals { get; init; }

    /// <summary>Signals risk rejected during the day.</summary>
    public required int Rejections { get; init; }

    /// <summary>The end of the day (midnight UTC after <see cref="Day"/>): the summary's domain time.</summary>
    public DateTimeOffset EndsAt => new(Day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
