using Trading.Markets.Execution;
using Trading.Markets.Strategies;

namespace Trading.Execution.Paper;

/// <summary>A paper position that is open, with the ids that tie it to its signal and entry order.</summary>
public sealed record OpenPosition
{
    public required Guid PositionId { get; init; }

    public required Guid SignalId { get; init; }

    public required Guid OrderId { get; init; }

    public required string Venue { get; init; }

    public required string Symbol { get; init; }

    public required TradeDirection Direction { get; init; }

    public required decimal Quantity { get; init; }

    public required decimal EntryPrice { get; init; }

    public required decimal EntryFee { get; init; }

    public required decimal StopLoss { get; init; }

    public required decimal TakeProfit { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>The stop in force once it has trailed away from <see cref="StopLoss"/>; null while it has not.</summary>
    public decimal? CurrentStop { get; init; }

    /// <summary>The best trade price since entry while a trailing stop follows it; null until tracked.</summary>
    public decimal? BestPrice { get; init; }

    public TrailingStopState TrailingState() => new() { Stop = CurrentStop ?? StopLoss, BestPrice = BestPrice ?? EntryPrice };

    public PaperPosition ToPaperPosition() => new()
    {
        Direction = Direction,
        Quantity = Quantity,
        EntryPrice = EntryPrice,
        StopLoss = StopLoss,
        TakeProfit = TakeProfit,
        EntryFee = EntryFee,
        OpenedAt = OpenedAt,
    };
}
