namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="BollingerSqueezeStrategy"/>; <see cref="BollingerSqueezeStrategy"/> validates them.</summary>
public sealed record BollingerSqueezeOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "BollingerSqueeze";

    /// <summary>Period of the Bollinger bands, in candles; positive.</summary>
    public int Period { get; init; } = 20;

    /// <summary>Distance of the bands from the middle, in standard deviations; positive.</summary>
    public double StandardDeviations { get; init; } = 2;

    /// <summary>How many band widths, the current one included, the squeeze percentile ranks against; at least 2.</summary>
    public int SqueezeLookback { get; init; } = 120;

    /// <summary>
    /// A candle is in a squeeze when the share of the last <see cref="SqueezeLookback"/> band widths strictly below its own,
    /// × 100, is at most this; from 0 (only the narrowest) up to, not including, 100.
    /// </summary>
    public double SqueezePercentile { get; init; } = 20;

    /// <summary>How many candles after the last squeezed candle a breakout still counts; positive (1: only the very next candle).</summary>
    public int SqueezeMemory { get; init; } = 6;

    /// <summary>Period of the ATR that sets the stop distance, in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive. The interval minimum applies when higher.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>When true, signal only when the next higher interval trends the same way (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
