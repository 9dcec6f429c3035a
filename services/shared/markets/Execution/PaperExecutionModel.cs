using Trading.Markets.Strategies;

namespace Trading.Markets.Execution;

/// <summary>
/// How paper trading turns an observed market price into a fill, with costs a real order would pay.
/// <para>
/// Taker fill (market entry, stop, trailing stop, time exit, flatten): with reference price P (a trade's price, or for a
/// quote the side the order takes: the ask for a buy, the bid for a sell), quantity Q and notional N = P × Q,
/// slippage s = <see cref="SlippageBps"/> + <see cref="SizeImpactBps"/> × N ÷ <see cref="SizeImpactNotional"/> (in bps),
/// and h = half the quoted spread (only for a trade, when a quote at or before the trade and not older than
/// <see cref="QuoteMaxAge"/> is known; otherwise 0):
/// a buy fills at P × (1 + s ÷ 10,000) + h, a sell at P × (1 − s ÷ 10,000) − h. Fee = fill price × Q × <see cref="TakerFeeRate"/>.
/// </para>
/// <para>
/// Maker fill (take profit, a resting limit order): fills at exactly the limit price L once a trade prints at or through it;
/// fee = L × Q × <see cref="MakerFeeRate"/>. Prices are not rounded to a tick size.
/// </para>
/// </summary>
public sealed record PaperExecutionModel
{
    /// <summary>Fixed slippage against the trader, in basis points of the reference price (1 bp = 0.01 %); not negative.</summary>
    public decimal SlippageBps { get; init; } = 2m;

    /// <summary>Extra slippage in basis points per <see cref="SizeImpactNotional"/> of notional; not negative.</summary>
    public decimal SizeImpactBps { get; init; } = 1m;

    /// <summary>The notional, in quote currency, that costs <see cref="SizeImpactBps"/>; positive.</summary>
    public decimal SizeImpactNotional { get; init; } = 10_000m;

    /// <summary>Taker fee as a fraction of notional; the default 0.0026 is Kraken's base taker rate.</summary>
    public decimal TakerFeeRate { get; init; } = 0.0026m;

    /// <summary>Maker fee as a fraction of notional; the default 0.0016 is Kraken's base maker rate.</summary>
    public decimal MakerFeeRate { get; init; } = 0.0016m;

    /// <summary>The oldest a quote may be, relative to a trade, for its half spread to be added to the trade's fill.</summary>
    public TimeSpan QuoteMaxAge { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The slippage in basis points for filling <paramref name="quantity"/> at <paramref name="referencePrice"/>.</summary>
    /// <returns><see cref="SlippageBps"/> + <see cref="SizeImpactBps"/> × price × quantity ÷ <see cref="SizeImpactNotional"/>.</returns>
    public decimal SlippageBpsFor(decimal referencePrice, decimal quantity) =>
        SlippageBps + SizeImpactBps * referencePrice * quantity / SizeImpactNotional;

    /// <summary>Whether <paramref name="quote"/> is at or before <paramref name="tradeTime"/> and at most <see cref="QuoteMaxAge"/> older.</summary>
    public bool QuoteApplies(MarketQuote? quote, DateTimeOffset tradeTime) =>
        quote is not null && quote.ExchangeTime <= tradeTime && tradeTime - quote.ExchangeTime <= QuoteMaxAge;

    /// <summary>A taker fill on a market trade.</summary>
    /// <param name="sideOfFill"><see cref="TradeDirection.Long"/> for a buy, <see cref="TradeDirection.Short"/> for a sell.</param>
    /// <param name="tradePrice">The trade's price; positive.</param>
    /// <param name="tradeTime">The trade's exchange time, to judge whether <paramref name="quote"/> is fresh.</param>
    /// <param name="quantity">Quantity in base currency; not negative.</param>
    /// <param name="quote">The latest known quote, or null; its half spread applies only when <see cref="QuoteApplies"/>.</param>
    public PaperFill TakerOnTrade(TradeDirection sideOfFill, decimal tradePrice, DateTimeOffset tradeTime, decimal quantity, MarketQuote? quote)
    {
        var halfSpread = QuoteApplies(quote, tradeTime) ? quote!.Spread / 2m : 0m;
        return Taker(sideOfFill, tradePrice, quantity, halfSpread);
    }

    /// <summary>A taker fill on a quote: a buy takes the ask, a sell the bid; the spread is already paid, so no half spread is added.</summary>
    public PaperFill TakerOnQuote(TradeDirection sideOfFill, MarketQuote quote, decimal quantity) =>
        Taker(sideOfFill, sideOfFill == TradeDirection.Long ? quote.Ask : quote.Bid, quantity, 0m);

    /// <summary>A maker fill of a resting limit order at exactly <paramref name="limitPrice"/>.</summary>
    public PaperFill MakerAt(decimal limitPrice, decimal quantity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitPrice);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return new PaperFill
        {
            Price = limitPrice,
            Fee = limitPrice * quantity * MakerFeeRate,
            ReferencePrice = limitPrice,
            SlippageBps = 0m,
            HalfSpread = 0m,
            Liquidity = FillLiquidity.Maker,
        };
    }

    private PaperFill Taker(TradeDirection sideOfFill, decimal referencePrice, decimal quantity, decimal halfSpread)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(referencePrice);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        var bps = SlippageBpsFor(referencePrice, quantity);
        var against = referencePrice * bps / 10_000m + halfSpread;
        var price = sideOfFill == TradeDirection.Long ? referencePrice + against : referencePrice - against;
        return new PaperFill
        {
            Price = price,
            Fee = price * quantity * TakerFeeRate,
            ReferencePrice = referencePrice,
            SlippageBps = bps,
            HalfSpread = halfSpread,
            Liquidity = FillLiquidity.Taker,
        };
    }
}
