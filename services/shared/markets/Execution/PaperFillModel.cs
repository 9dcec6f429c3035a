using Trading.Markets.Strategies;

namespace Trading.Markets.Execution;

/// <summary>
/// How paper trading turns a market price into a fill: a fixed slippage against the trader, and a fee proportional to notional.
/// </summary>
public sealed record PaperFillModel
{
    /// <summary>Slippage in basis points of price (1 bp = 0.01 %), always against the trader; not negative.</summary>
    public decimal SlippageBps { get; init; } = 2m;

    /// <summary>Fee as a fraction of notional; the default 0.0026 is Kraken's base taker rate.</summary>
    public decimal FeeRate { get; init; } = 0.0026m;

    /// <summary>The price a paper order fills at.</summary>
    /// <param name="sideOfFill"><see cref="TradeDirection.Long"/> for a buy, <see cref="TradeDirection.Short"/> for a sell
    /// (so closing a long is a <see cref="TradeDirection.Short"/> fill).</param>
    /// <param name="tradePrice">The market price in quote currency; positive.</param>
    /// <returns>
    /// A buy pays <paramref name="tradePrice"/> × (1 + bps ÷ 10,000); a sell receives <paramref name="tradePrice"/> × (1 − bps ÷ 10,000).
    /// Not rounded to the venue's tick size.
    /// </returns>
    public decimal FillPrice(TradeDirection sideOfFill, decimal tradePrice)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tradePrice);
        var slippage = tradePrice * SlippageBps / 10_000m;
        return sideOfFill == TradeDirection.Long ? tradePrice + slippage : tradePrice - slippage;
    }

    /// <summary>
    /// The fee in quote currency for filling <paramref name="quantity"/> at <paramref name="price"/>: price × quantity × <see cref="FeeRate"/>.
    /// </summary>
    /// <param name="price">Fill price in quote currency; positive.</param>
    /// <param name="quantity">Filled quantity in base currency; not negative.</param>
    public decimal Fee(decimal price, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return price * quantity * FeeRate;
    }
}
