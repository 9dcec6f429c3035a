namespace Trading.Markets.Execution;

/// <summary>Why a position's exit was triggered.</summary>
public enum PositionExit
{
    /// <summary>The price reached the stop loss.</summary>
    StopLoss,

    /// <summary>The price reached the take profit.</summary>
    TakeProfit,

    /// <summary>The price reached a stop that had trailed away from the stop loss.</summary>
    TrailingStop,

    /// <summary>The position was open for the longest time allowed.</summary>
    TimeExit,

    /// <summary>Every position was closed on request (operator, kill switch, shutdown).</summary>
    Flatten,
}
