namespace Trading.Markets.Execution;

/// <summary>Whether a paper fill took liquidity (market-style order) or provided it (resting limit order).</summary>
public enum FillLiquidity
{
    /// <summary>Crossed the market: slippage and the taker fee apply.</summary>
    Taker,

    /// <summary>A resting limit order filled at its own price: no slippage, the maker fee applies.</summary>
    Maker,
}
