namespace Trading.Markets.Risk;

/// <summary>Limits that <see cref="RiskGate"/> applies to every trade.</summary>
public sealed record RiskLimits
{
    /// <summary>Fraction of equity lost if the stop is hit, for example 0.02 for 2 %; above 0 and at most 1.</summary>
    public decimal RiskPerTrade { get; init; } = 0.02m;

    /// <summary>How many positions may be open at once; 0 blocks every trade.</summary>
    public int MaxOpenPositions { get; init; } = 2;

    /// <summary>Largest notional of one position (quantity × entry), as a fraction of equity; positive.</summary>
    public decimal MaxPositionNotional { get; init; } = 0.5m;

    /// <summary>Quantity increment accepted by the venue, in base currency; quantities are rounded down to it. Positive.</summary>
    public decimal QuantityStep { get; init; } = 0.00000001m;

    /// <summary>Smallest order quantity accepted by the venue, in base currency; not negative.</summary>
    public decimal MinQuantity { get; init; } = 0.00001m;
}
