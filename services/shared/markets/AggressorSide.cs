namespace Trading.Markets;

/// <summary>Which side took liquidity in a trade: a buyer lifting an offer or a seller hitting a bid.</summary>
public enum AggressorSide
{
    /// <summary>The venue did not say; the trade counts in neither <see cref="Candle.BuyVolume"/> nor <see cref="Candle.SellVolume"/>.</summary>
    Unknown = 0,

    /// <summary>The taker bought.</summary>
    Buy = 1,

    /// <summary>The taker sold.</summary>
    Sell = 2,
}
