namespace Trading.Signal.Backtests;

/// <summary>What storing a backtest record did.</summary>
public enum BacktestRecordWrite
{
    /// <summary>The first record of its strategy, symbol and interval.</summary>
    Inserted,

    /// <summary>It replaced an older record.</summary>
    Replaced,

    /// <summary>The stored record is newer; it stays.</summary>
    Kept,
}
