namespace Trading.Contracts.Risk;

/// <summary>Results of every position risk booked as closed: the answer to <see cref="GetTradingStats"/>.</summary>
public sealed record TradingStats
{
    /// <summary>Closed positions.</summary>
    public required int ClosedTrades { get; init; }

    /// <summary>Closed positions with a net profit above 0.</summary>
    public required int Wins { get; init; }

    /// <summary>Closed positions with a net loss (below 0); a result of exactly 0 is neither a win nor a loss.</summary>
    public required int Losses { get; init; }

    /// <summary>Wins divided by closed trades, 0 to 1; 0 when there is none.</summary>
    public required decimal WinRate { get; init; }

    /// <summary>Gross profit divided by gross loss; null when there is no loss to divide by.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Sum of the net results, in quote currency.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>When the figures were read (UTC).</summary>
    public required DateTimeOffset StatsAt { get; init; }
}
