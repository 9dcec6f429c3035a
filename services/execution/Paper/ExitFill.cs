using Trading.Markets.Execution;

namespace Trading.Execution.Paper;

/// <summary>An open position closed by a market trade or a flatten: stop loss, take profit, trailing stop, time exit or flatten.</summary>
public sealed record ExitFill
{
    public required OpenPosition Position { get; init; }

    public required PositionExit Exit { get; init; }

    /// <summary>Closing fill price, slippage included.</summary>
    public required decimal Price { get; init; }

    public required decimal Fee { get; init; }

    /// <summary>How the fill price and fee were derived.</summary>
    public required PaperFill Fill { get; init; }

    public required PositionResult Result { get; init; }

    /// <summary>The exchange time of the trade (or quote, for a flatten) that closed the position.</summary>
    public required DateTimeOffset ClosedAt { get; init; }
}
