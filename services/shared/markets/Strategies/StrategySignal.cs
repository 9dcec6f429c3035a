namespace Trading.Markets.Strategies;

/// <summary>A trade a strategy found on a closed candle. Prices are in quote currency.</summary>
public sealed record StrategySignal
{
    /// <summary>Strategy name, for example <c>ema-cross</c>.</summary>
    public required string Strategy { get; init; }

    /// <summary>Long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>Intended entry price: the close of the signal candle.</summary>
    public required decimal Entry { get; init; }

    /// <summary>Stop-loss price; below entry for a long, above for a short, never equal to entry.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price; above entry for a long, below for a short.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Reward over risk: |take profit − entry| ÷ |entry − stop loss|, for example 2 for 2:1.</summary>
    public required decimal RiskReward { get; init; }

    /// <summary>Confidence from 0 to 1; each strategy documents how it is computed.</summary>
    public required decimal Confidence { get; init; }

    /// <summary>Why the strategy signalled, in one sentence with the numbers.</summary>
    public required string Reason { get; init; }

    /// <summary>Market time of the signal: the <see cref="Candle.ClosedAt"/> of the candle it was computed on (UTC).</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>Regime, higher-timeframe trend and macro trend when the signal was found; set by <see cref="StrategySeries"/>.</summary>
    public MarketContext Context { get; init; } = MarketContext.Unknown;
}
