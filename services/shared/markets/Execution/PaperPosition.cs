using Trading.Markets.Strategies;

namespace Trading.Markets.Execution;

/// <summary>
/// An open paper position with a stop loss and a take profit. Prices and fees are in quote currency, quantity in base currency.
/// </summary>
public sealed record PaperPosition
{
    /// <summary>Long or short.</summary>
    public required TradeDirection Direction { get; init; }

    /// <summary>Position size in base currency; positive.</summary>
    public required decimal Quantity { get; init; }

    /// <summary>Fill price of the entry, slippage included.</summary>
    public required decimal EntryPrice { get; init; }

    /// <summary>Stop-loss price; below entry for a long, above for a short.</summary>
    public required decimal StopLoss { get; init; }

    /// <summary>Take-profit price; above entry for a long, below for a short.</summary>
    public required decimal TakeProfit { get; init; }

    /// <summary>Fee paid on entry.</summary>
    public required decimal EntryFee { get; init; }

    /// <summary>When the entry filled (UTC).</summary>
    public required DateTimeOffset OpenedAt { get; init; }

    /// <summary>Whether a market trade at <paramref name="tradePrice"/> triggers an exit.</summary>
    /// <returns>For a long, <see cref="PositionExit.StopLoss"/> when the price is at or below the stop and
    /// <see cref="PositionExit.TakeProfit"/> when it is at or above the target; mirrored for a short; otherwise null.
    /// The stop is checked first, so if both could trigger, the pessimistic exit wins.</returns>
    public PositionExit? CheckExit(decimal tradePrice)
    {
        var isLong = Direction == TradeDirection.Long;
        if (isLong ? tradePrice <= StopLoss : tradePrice >= StopLoss)
        {
            return PositionExit.StopLoss;
        }

        if (isLong ? tradePrice >= TakeProfit : tradePrice <= TakeProfit)
        {
            return PositionExit.TakeProfit;
        }

        return null;
    }

    /// <summary>The result of closing the whole position.</summary>
    /// <param name="exitPrice">Fill price of the exit, slippage included.</param>
    /// <param name="exitFee">Fee paid on exit.</param>
    public PositionResult Close(decimal exitPrice, decimal exitFee)
    {
        var priceMove = Direction == TradeDirection.Long ? exitPrice - EntryPrice : EntryPrice - exitPrice;
        var gross = priceMove * Quantity;
        var fees = EntryFee + exitFee;
        var net = gross - fees;
        var risk = Quantity * Math.Abs(EntryPrice - StopLoss);
        return new PositionResult
        {
            GrossPnl = gross,
            Fees = fees,
            NetPnl = net,
            RMultiple = risk == 0 ? 0 : net / risk,
        };
    }
}
