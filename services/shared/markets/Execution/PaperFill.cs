namespace Trading.Markets.Execution;

/// <summary>One simulated fill: the price, the fee, and the parts they were computed from. Money in quote currency.</summary>
public sealed record PaperFill
{
    /// <summary>Fill price, slippage and half spread included.</summary>
    public required decimal Price { get; init; }

    /// <summary>Fee paid: <see cref="Price"/> × quantity × the taker or maker rate.</summary>
    public required decimal Fee { get; init; }

    /// <summary>The observed price the fill was derived from (trade price, quote side, or limit price).</summary>
    public required decimal ReferencePrice { get; init; }

    /// <summary>Slippage applied against the trader, in basis points of <see cref="ReferencePrice"/>; 0 for a maker fill.</summary>
    public required decimal SlippageBps { get; init; }

    /// <summary>Half the quoted spread added against the trader, in quote currency; 0 when none applied.</summary>
    public required decimal HalfSpread { get; init; }

    /// <summary>Taker or maker.</summary>
    public required FillLiquidity Liquidity { get; init; }
}
