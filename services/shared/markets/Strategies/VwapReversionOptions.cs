namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="VwapReversionStrategy"/>; <see cref="VwapReversionStrategy"/> validates them.</summary>
public sealed record VwapReversionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "VwapReversion";

    /// <summary>How far a close must be from the session VWAP to count as stretched, in ATRs (or standard deviations when
    /// <see cref="UseStandardDeviation"/>); positive.</summary>
    public decimal StretchMultiple { get; init; } = 1.5m;

    /// <summary>True (the default) to measure the stretch in standard deviations of the last <see cref="DeviationPeriod"/>
    /// closes; false to measure it in ATRs.</summary>
    public bool UseStandardDeviation { get; init; } = true;

    /// <summary>Closes in the standard deviation used when <see cref="UseStandardDeviation"/> is true; at least 2.</summary>
    public int DeviationPeriod { get; init; } = 20;

    /// <summary>Period of the ATR (the stop, and the stretch unit when <see cref="UseStandardDeviation"/> is false), in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Period of the strategy's own ADX, which decides whether the market ranges while the context's regime is
    /// unknown; positive.</summary>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>The own ADX must be below this for the market to count as ranging (used only while the context's regime is
    /// unknown); above 0 and at most 100.</summary>
    public double MaxAdx { get; init; } = 25;

    /// <summary>Take-profit distance as a multiple of the stop distance, the least target; positive. The interval minimum
    /// applies when higher, and the VWAP itself is the target when it is further.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>True to signal only in the direction of the next higher interval's trend (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
