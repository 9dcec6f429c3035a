using Trading.Markets.Execution;

namespace Trading.Execution.Paper;

/// <summary>An open position closed by a market trade that reached its stop loss or take profit.</summary>
public sealed record ExitFill
{
    public required OpenPosition Position { get; init; }

    public required PositionExit Exit { get; init; }

    /// <summary>Closing fill price, slippage included.</summary>
    public required decimal Price { get; init; }

    public required decimal Fee { get; init; }

    public required PositionResult Result { get; init; }

    /// <summary>The exchange time of the trade that closed the position.</summary>
    public required DateTimeOffset ClosedAt { get; init; }
}
