using System.ComponentModel.DataAnnotations;
using Trading.Markets.Risk;

namespace Trading.Risk;

/// <summary>The account and the limits every trade is checked against (section <c>Risk</c>); they may change while running.</summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    /// <summary>Account equity before any closed trade, in quote currency; realised P&amp;L is added to it.</summary>
    [Range(typeof(decimal), "0", "1000000000000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal StartingEquity { get; set; } = 10_000m;

    /// <summary>Fraction of equity lost if a trade's stop is hit, for example 0.02 for 2 %.</summary>
    [Range(typeof(decimal), "0", "0.2", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal RiskPerTrade { get; set; } = 0.02m;

    /// <summary>Positions open at once, orders awaiting a fill included.</summary>
    [Range(1, 1_000)]
    public int MaxOpenPositions { get; set; } = 2;

    /// <summary>Largest notional of one position as a fraction of equity; at most 1, since nothing is traded on margin.</summary>
    [Range(typeof(decimal), "0", "1", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MaxPositionNotional { get; set; } = 0.5m;

    /// <summary>Quantity increment the venue accepts, in base currency; quantities are rounded down to it.</summary>
    [Range(typeof(decimal), "0", "1000000", MinimumIsExclusive = true, ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal QuantityStep { get; set; } = 0.00000001m;

    /// <summary>Smallest order quantity the venue accepts, in base currency.</summary>
    [Range(typeof(decimal), "0", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true)]
    public decimal MinQuantity { get; set; } = 0.00001m;

    public RiskLimits ToLimits() => new()
    {
        RiskPerTrade = RiskPerTrade,
        MaxOpenPositions = MaxOpenPositions,
        MaxPositionNotional = MaxPositionNotional,
        QuantityStep = QuantityStep,
        MinQuantity = MinQuantity,
    };
}
