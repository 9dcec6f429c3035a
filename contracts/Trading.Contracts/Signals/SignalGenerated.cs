namespace Trading.Contracts.Signals;

/// <summary>A strategy found a trade on a closed candle.</summary>
public sealed record SignalGenerated
{
    /// <summary>Deterministic id: the same strategy on the same candle always yields the same id.</summary>
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

    /// <summary>Intended entry price (the close of the signal candle).</summary>
    public required decimal Entry { get; init; }

    /// <summary>Stop-loss price; below entry for a long, above for a short.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price; above entry for a long, below for a short.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Reward over risk: |take profit − entry| ÷ |entry − stop loss|.</summary>
    public required decimal RiskReward { get; init; }

    /// <summary>Confidence between 0 and 1.</summary>
    public required decimal Confidence { get; init; }

    /// <summary>Why the strategy signalled, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>Market time of the signal: the close time of the candle it was computed on (UTC).</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>Market regime when the signal was found: <c>Trending</c>, <c>Ranging</c>, <c>Volatile</c> or <c>Unknown</c>.</summary>
    public string? Regime { get; init; }

    /// <summary>Interval code whose trend <see cref="HigherTimeframeTrend"/> reports; null when the series has no higher interval.</summary>
    public string? HigherTimeframe { get; init; }

    /// <summary>Trend of the next higher interval: <c>Up</c>, <c>Down</c>, <c>Flat</c> or <c>Unknown</c>.</summary>
    public string? HigherTimeframeTrend { get; init; }

    /// <summary>Trend of the longest interval followed (the long-term direction): <c>Up</c>, <c>Down</c>, <c>Flat</c> or <c>Unknown</c>.</summary>
    public string? MacroTrend { get; init; }

    /// <summary>The backtest record of the strategy on this symbol and interval; null when there is none.</summary>
    public BacktestRecord? Backtest { get; init; }
}
