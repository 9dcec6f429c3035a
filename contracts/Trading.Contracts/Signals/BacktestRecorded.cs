namespace Trading.Contracts.Signals;

/// <summary>
/// The backtest of one strategy on one symbol and interval, with the verdict of the live gate. The signal service keeps the
/// newest record (by <see cref="DataEndAt"/>) per strategy, symbol and interval, and lets a strategy signal live only where its
/// record passed.
/// </summary>
public sealed record BacktestRecorded
{
    /// <summary>Strategy name, for example <c>ema-cross</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code of the candles the backtest ran on.</summary>
    public required string Interval { get; init; }

    /// <summary>Open time of the first candle the backtest ran on (UTC).</summary>
    public required DateTimeOffset DataStartAt { get; init; }

    /// <summary>End of the data the backtest ran on (UTC).</summary>
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

    /// <summary>True when the backtest passed the live thresholds.</summary>
    public required bool Passed { get; init; }

    /// <summary>Why the backtest failed the live thresholds, one reason per threshold missed; empty when it passed.</summary>
    public required IReadOnlyList<string> GateReasons { get; init; }

    /// <summary>When the record was published (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
