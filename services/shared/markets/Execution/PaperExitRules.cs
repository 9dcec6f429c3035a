using Trading.Markets.Strategies;

namespace Trading.Markets.Execution;

/// <summary>When an open paper position is closed by a market trade.</summary>
public sealed record PaperExitRules
{
    /// <summary>The trailing stop; disabled by default.</summary>
    public TrailingStopRule TrailingStop { get; init; } = new();

    /// <summary>The longest a position stays open; it closes on the first trade at or after opened-at + this. Null: no limit.</summary>
    public TimeSpan? MaxHolding { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Which exit, if any, a trade triggers. Checked in this order, so the pessimistic exit wins:</summary>
    /// <returns>
    /// <see cref="PositionExit.StopLoss"/> (or <see cref="PositionExit.TrailingStop"/> when the stop in force has moved from the
    /// stop loss) when the price is at or through <paramref name="state"/>'s stop; <see cref="PositionExit.TakeProfit"/> when
    /// at or through the target; <see cref="PositionExit.TimeExit"/> when <paramref name="tradeTime"/> is at or after opened-at +
    /// <see cref="MaxHolding"/>; otherwise null.
    /// </returns>
    public PositionExit? Check(PaperPosition position, TrailingStopState state, decimal tradePrice, DateTimeOffset tradeTime)
    {
        var isLong = position.Direction == TradeDirection.Long;
        if (isLong ? tradePrice <= state.Stop : tradePrice >= state.Stop)
        {
            return state.Stop == position.StopLoss ? PositionExit.StopLoss : PositionExit.TrailingStop;
        }

        if (isLong ? tradePrice >= position.TakeProfit : tradePrice <= position.TakeProfit)
        {
            return PositionExit.TakeProfit;
        }

        return MaxHolding is { } max && tradeTime >= position.OpenedAt + max ? PositionExit.TimeExit : null;
    }
}
