namespace Trading.Contracts.Signals;

/// <summary>
/// The backtest of one strategy on one symbol and interval, as a <see cref="SignalGenerated"/> carries it: the evidence behind the
/// signal. The same figures as <see cref="BacktestRecorded"/>, without the strategy, symbol and interval the signal already names.
/// </summary>
public sealed record BacktestRecord
{
    /// <summary>Open time of the first candle the backtest ran on (UTC).</summary>
    public required DateTimeOffset DataStartAt { get; init; }

    /// <summary>End of the data the backtest ran on (UTC): a newer record is one whose data ends later.</summary>
    public required DateTimeOffset DataEndAt { get; init; }

    /// <summary>The strategy's parameters in the backtest, as a JSON object.</summary>
    public required string Parameters { get; init; }

    /// <summary>Closed trades.</summary>
    public required int Trades { get; init; }

    /// <summary>Trades that made money.</summary>
    public required int Wins { get; init; }

    /// <summary>Share of trades won, as the backtest report gives it.</summary>
    public required decimal WinRate { get; init; }

    /// <summary>Gross profit over gross loss; null when there was no losing trade.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Average result per trade in multiples of the risk taken (R).</summary>
    public required decimal ExpectancyR { get; init; }

    /// <summary>
    /// Mean result of the winning trades in multiples of the risk taken (R); 0 when there was no winning trade. Null from a record
    /// published before these were measured.
    /// </summary>
    public decimal? AverageWinR { get; init; }

    /// <summary>
    /// Mean loss of the losing trades in multiples of the risk taken (R), as a positive number (a full stop-out is 1); 0 when there
    /// was no losing trade. Null from a record published before these were measured.
    /// </summary>
    public decimal? AverageLossR { get; init; }

    /// <summary>Net profit and loss after fees, in quote currency.</summary>
    public required decimal NetPnl { get; init; }

    /// <summary>Largest fall of equity from a peak, in percent.</summary>
    public required decimal MaxDrawdownPct { get; init; }

    /// <summary>The win rate at which the strategy's reward-to-risk breaks even, in the same unit as <see cref="WinRate"/>.</summary>
    public required decimal BreakevenWinRate { get; init; }

    /// <summary>True when the backtest passed the live thresholds, so the strategy may signal live on this symbol and interval.</summary>
    public required bool Passed { get; init; }

    /// <summary>Why the backtest failed the live thresholds, one reason per threshold missed; empty when it passed.</summary>
    public required IReadOnlyList<string> GateReasons { get; init; }

    /// <summary>When the record was published (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
