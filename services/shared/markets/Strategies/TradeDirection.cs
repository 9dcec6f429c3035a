namespace Trading.Markets.Strategies;

/// <summary>The direction of a trade, or of a fill: <see cref="Long"/> buys, <see cref="Short"/> sells.</summary>
public enum TradeDirection
{
    /// <summary>Profit when the price rises; a buy.</summary>
    Long,

    /// <summary>Profit when the price falls; a sell.</summary>
    Short,
}
