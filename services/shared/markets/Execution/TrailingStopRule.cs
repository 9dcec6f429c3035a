using Trading.Markets.Strategies;

namespace Trading.Markets.Execution;

/// <summary>
/// A stop that follows the price in the trader's favour. With initial risk R = |entry − stop loss| (per unit): once the best
/// price has moved <see cref="ActivationR"/> × R in favour, the stop trails the best price by <see cref="DistanceR"/> × R.
/// The stop only ever moves in the trader's favour.
/// </summary>
public sealed record TrailingStopRule
{
    /// <summary>Off by default: the stop stays at the stop loss.</summary>
    public bool Enabled { get; init; }

    /// <summary>Favourable move, in multiples of R, after which the stop starts trailing; not negative.</summary>
    public decimal ActivationR { get; init; } = 1m;

    /// <summary>Distance of the trailed stop from the best price, in multiples of R; positive.</summary>
    public decimal DistanceR { get; init; } = 1m;

    /// <summary>The state after a trade at <paramref name="tradePrice"/> that did not close the position.</summary>
    /// <returns>The same <paramref name="state"/> when disabled or when nothing changed.</returns>
    public TrailingStopState Advance(PaperPosition position, TrailingStopState state, decimal tradePrice)
    {
        if (!Enabled)
        {
            return state;
        }

        var isLong = position.Direction == TradeDirection.Long;
        var best = isLong ? Math.Max(state.BestPrice, tradePrice) : Math.Min(state.BestPrice, tradePrice);
        var risk = Math.Abs(position.EntryPrice - position.StopLoss);
        var moved = isLong ? best - position.EntryPrice : position.EntryPrice - best;
        var stop = state.Stop;
        if (risk > 0 && moved >= ActivationR * risk)
        {
            var trailed = isLong ? best - DistanceR * risk : best + DistanceR * risk;
            stop = isLong ? Math.Max(stop, trailed) : Math.Min(stop, trailed);
        }

        return best == state.BestPrice && stop == state.Stop ? state : new TrailingStopState { Stop = stop, BestPrice = best };
    }
}
