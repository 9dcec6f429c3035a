using Trading.Markets.Execution;

namespace Trading.Execution.Paper;

/// <summary>A pending order filled by a market trade or quote, and the position it opened.</summary>
public sealed record EntryFill
{
    public required PendingOrder Order { get; init; }

    public required OpenPosition Position { get; init; }

    /// <summary>How the fill price and fee were derived.</summary>
    public required PaperFill Fill { get; init; }

    /// <summary>Fill price, slippage included.</summary>
    public decimal Price => Position.EntryPrice;

    public decimal Fee => Position.EntryFee;

    /// <summary>The exchange time of the trade or quote that filled the order.</summary>
    public DateTimeOffset FilledAt => Position.OpenedAt;
}
