namespace Trading.Markets.Backtesting;

/// <summary>Why a backtest position was closed.</summary>
public enum BacktestExitReason
{
    /// <summary>The price reached the stop loss (or opened beyond it).</summary>
    StopLoss,

    /// <summary>The price reached the take profit.</summary>
    TakeProfit,

    /// <summary>The position was held for <see cref="BacktestSettings.MaxHolding"/>.</summary>
    TimeLimit,

    /// <summary>The data ended with the position open; it was closed at the last close.</summary>
    EndOfData,
}
