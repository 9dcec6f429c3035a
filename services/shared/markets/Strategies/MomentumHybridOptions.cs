namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="MomentumHybridStrategy"/>; <see cref="MomentumHybridStrategy"/> validates them.</summary>
public sealed record MomentumHybridOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MomentumHybrid";

    /// <summary>Period of the rate of change whose sign is the momentum, in candles; positive.</summary>
    public int RocPeriod { get; init; } = 10;

    /// <summary>Period of the EMA of closes that pullbacks return to, in candles; positive.</summary>
    public int EmaPeriod { get; init; } = 50;

    /// <summary>Candles over which the EMA's slope is measured (EMA now − EMA that many candles ago); positive.</summary>
    public int SlopePeriod { get; init; } = 5;

    /// <summary>Candles in the stochastic oscillator's high-low range (fast %K); positive.</summary>
    public int StochasticPeriod { get; init; } = 14;

    /// <summary>Length of both simple averages of the stochastic (slow %K and %D); positive.</summary>
    public int StochasticSmoothing { get; init; } = 3;

    /// <summary>Slow %K at or below this is oversold; above 0 and below <see cref="Overbought"/>.</summary>
    public double Oversold { get; init; } = 15;

    /// <summary>Slow %K at or above this is overbought; below 100.</summary>
    public double Overbought { get; init; } = 85;

    /// <summary>Period of the strategy's own ADX, which picks the mode while the context's regime is unknown; positive.</summary>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>Own ADX at or above which the market counts as trending while the context's regime is unknown; above 0 and at
    /// most 100.</summary>
    public double TrendingAdx { get; init; } = 25;

    /// <summary>Period of the ATR that sets the stop distance, in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive. The interval minimum applies when higher.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>True to signal only in the direction of the next higher interval's trend (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
