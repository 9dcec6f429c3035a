namespace Trading.Markets.Risk;

/// <summary>Limits that <see cref="RiskGate"/> applies to every trade.</summary>
/// <remarks>
/// The short <see cref="RiskGate.Evaluate"/> reads only
/// <see cref="RiskPerTrade"/>, <see cref="MaxOpenPositions"/>, <see cref="MaxPositionNotional"/>, <see cref="QuantityStep"/> and
/// <see cref="MinQuantity"/>; the full <see cref="RiskGate.Decide"/>
/// reads them all.
/// </remarks>
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

    /// <summary>How each trade is sized: a fixed fraction of equity (the default) or capped fractional Kelly.</summary>
    public PositionSizing Sizing { get; init; } = PositionSizing.FixedFraction;

    /// <summary>
    /// The share of the full Kelly fraction risked under <see cref="PositionSizing.Kelly"/>: 0.5 is half-Kelly, 1 full Kelly.
    /// Above 0 and at most 1.
    /// </summary>
    public decimal KellyFraction { get; init; } = 0.5m;

    /// <summary>
    /// Most equity risked per trade under <see cref="PositionSizing.Kelly"/>, as a fraction (0.02 for 2 %): the scaled Kelly fraction
    /// is capped at it. Above 0 and at most 1.
    /// </summary>
    public decimal KellyCap { get; init; } = 0.02m;

    /// <summary>
    /// Largest realised loss of one UTC day as a fraction of the equity at the start of that day (0.03 for −3 %); reaching it halts new
    /// orders until the next UTC day. Above 0 and at most 1.
    /// </summary>
    public decimal MaxDailyLoss { get; init; } = 0.03m;

    /// <summary>
    /// Largest fall of equity from its peak, as a fraction of the peak (0.15 for 15 %); reaching it halts trading until an operator
    /// resumes. Above 0 and at most 1.
    /// </summary>
    public decimal MaxDrawdown { get; init; } = 0.15m;

    /// <summary>Losing trades in a row that start a cooldown of <see cref="CooldownDuration"/>; 0 turns the cooldown off. Not negative.</summary>
    public int CooldownAfterLosses { get; init; } = 3;

    /// <summary>How long no new orders are taken after <see cref="CooldownAfterLosses"/> losses in a row, from the last loss. Not negative.</summary>
    public TimeSpan CooldownDuration { get; init; } = TimeSpan.FromHours(4);

    /// <summary>
    /// Return correlation (Pearson, −1 to 1) at or above which two assets count as correlated for
    /// <see cref="MaxCorrelatedPositions"/>. Above 0 and at most 1.
    /// </summary>
    public double CorrelationThreshold { get; init; } = 0.8;

    /// <summary>
    /// Most positions in one direction, the new one included, whose assets are correlated with the new one's (see
    /// <see cref="CorrelationThreshold"/>): with 1, a long in an asset correlated with an open long is refused. At least 1.
    /// </summary>
    public int MaxCorrelatedPositions { get; init; } = 1;

    /// <summary>
    /// Most total notional of all open positions, the new one included, as a multiple of equity, when the new position is on a perpetual
    /// (1 means no leverage). Positive.
    /// </summary>
    public decimal MaxLeverage { get; init; } = 1m;
}
