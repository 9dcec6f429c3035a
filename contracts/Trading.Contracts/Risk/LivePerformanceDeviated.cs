namespace Trading.Contracts.Risk;

/// <summary>
/// A strategy's live (paper) results on one symbol and interval fell outside the configured band around its backtest record, after enough
/// trades to judge. Published once per combination until an operator enables it again.
/// </summary>
public sealed record LivePerformanceDeviated
{
    /// <summary>Strategy name, for example <c>ema-cross</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code.</summary>
    public required string Interval { get; init; }

    /// <summary>Closed live trades judged.</summary>
    public required int Trades { get; init; }

    /// <summary>Live win rate, 0 to 1.</summary>
    public required decimal WinRate { get; init; }

    /// <summary>Live profit factor; null when no live trade lost.</summary>
    public decimal? ProfitFactor { get; init; }

    /// <summary>Live maximum drawdown in percent.</summary>
    public required decimal MaxDrawdownPct { get; init; }

    /// <summary>The backtest record's win rate, 0 to 1.</summary>
    public required decimal BacktestWinRate { get; init; }

    /// <summary>The backtest record's profit factor; null when it had no loss.</summary>
    public decimal? BacktestProfitFactor { get; init; }

    /// <summary>The backtest record's maximum drawdown in percent.</summary>
    public required decimal BacktestMaxDrawdownPct { get; init; }

    /// <summary>Each figure outside the band, one sentence each.</summary>
    public required IReadOnlyList<string> Deviations { get; init; }

    /// <summary>True when the combination was disabled: its signals are rejected until an operator enables it.</summary>
    public required bool Disabled { get; init; }

    /// <summary>When risk found it (UTC).</summary>
    public required DateTimeOffset DeviatedAt { get; init; }
}
