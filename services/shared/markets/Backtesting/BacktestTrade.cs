using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>One closed backtest trade. Prices and money are in quote currency, quantity in base currency, times UTC.</summary>
public sealed record BacktestTrade
{
    /// <summary>Strategy name.</summary>
    public required string Strategy { get; init; }

    /// <summary>Symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval the strategy ran on.</summary>
    public required Interval Interval { get; init; }

    /// <summary>Long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>Close of the signal candle, when the strategy signalled.</summary>
    public required DateTimeOffset SignalAt { get; init; }

    /// <summary>Open of the input candle after the signal, when the entry filled.</summary>
    public required DateTimeOffset EntryTime { get; init; }

    /// <summary>Entry fill: that candle's open with slippage against the trade.</summary>
    public required decimal EntryPrice { get; init; }

    /// <summary>When the exit filled: the open of the exit candle for an exit at its open, otherwise its close.</summary>
    public required DateTimeOffset ExitTime { get; init; }

    /// <summary>Exit fill, slippage included.</summary>
    public required decimal ExitPrice { get; init; }

    /// <summary>Quantity sized by <see cref="Risk.RiskGate"/>.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Stop loss of the signal.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take profit of the signal.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>The signal's planned reward-to-risk (<see cref="StrategySignal.RiskReward"/>).</summary>
    public required decimal PlannedRiskReward { get; init; }

    /// <summary>Entry fee plus exit fee.</summary>
    public required decimal Fees { get; init; }

    /// <summary>Profit net of fees (and of slippage, which is in the fill prices).</summary>
    public required decimal Pnl { get; init; }

    /// <summary><see cref="Pnl"/> ÷ (quantity × |entry price − stop loss|); 0 when that risk is 0.</summary>
    public required decimal RMultiple { get; init; }

    /// <summary>Why the position closed.</summary>
    public required BacktestExitReason ExitReason { get; init; }
}
