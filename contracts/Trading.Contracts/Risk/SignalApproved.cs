using Trading.Contracts.Signals;

namespace Trading.Contracts.Risk;

/// <summary>
/// Risk approved a signal and sent its order: the signal as the strategy raised it, with the size risk gave it. What a trader reads as
/// "new signal": it will trade.
/// </summary>
public sealed record SignalApproved
{
    /// <summary>The approved signal.</summary>
    public required Guid SignalId { get; init; }

    /// <summary>Strategy name, for example <c>ema-cross</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code of the candles the strategy ran on.</summary>
    public required string Interval { get; init; }

    /// <summary>Long or short.</summary>
    public required SignalDirection Direction { get; init; }

    /// <summary>Intended entry price.</summary>
    public required decimal Entry { get; init; }

    /// <summary>Stop-loss price.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Reward over risk.</summary>
    public required decimal RiskReward { get; init; }

    /// <summary>Confidence between 0 and 1.</summary>
    public required decimal Confidence { get; init; }

    /// <summary>Why the strategy signalled, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>Market time of the signal (UTC).</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>Market regime when the signal was found.</summary>
    public string? Regime { get; init; }

    /// <summary>Interval code whose trend <see cref="HigherTimeframeTrend"/> reports.</summary>
    public string? HigherTimeframe { get; init; }

    /// <summary>Trend of the next higher interval.</summary>
    public string? HigherTimeframeTrend { get; init; }

    /// <summary>Trend of the longest interval followed.</summary>
    public string? MacroTrend { get; init; }

    /// <summary>The backtest record the signal carried; null when there was none.</summary>
    public BacktestRecord? Backtest { get; init; }

    /// <summary>Approved quantity in base currency units.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Quantity × entry, in quote currency.</summary>
    public required decimal Notional { get; init; }

    /// <summary>What hitting the stop would lose, before fees: quantity × |entry − stop|, in quote currency.</summary>
    public required decimal RiskAmount { get; init; }

    /// <summary>Account equity the size was computed on.</summary>
    public required decimal Equity { get; init; }

    /// <summary>How the size was reached, in words with the numbers.</summary>
    public required string SizingReason { get; init; }

    /// <summary>When risk approved it (UTC).</summary>
    public required DateTimeOffset ApprovedAt { get; init; }
}
