namespace Trading.Markets.Execution;

/// <summary>Why a position's exit was triggered.</summary>
public enum PositionExit
{
    /// <summary>The price reached the stop loss.</summary>
    StopLoss,

    /// <summary>The price reached the take profit.</summary>
    TakeProfit,
}
