namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="DonchianBreakoutStrategy"/>; <see cref="DonchianBreakoutStrategy"/> validates them.</summary>
public sealed record DonchianBreakoutOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "DonchianBreakout";

    /// <summary>Candles in the breakout channel, in candles before the signal candle; at least 2.</summary>
    public int ChannelPeriod { get; init; } = 20;

    /// <summary>
    /// Candles in the exit channel whose opposite side is the structure stop (the lowest low for a long, the highest high for a
    /// short), the signal candle included; positive. The default, half the breakout channel, is the Turtle system's exit channel.
    /// Ignored when <see cref="UseAtrStop"/> is true.
    /// </summary>
    public int StopChannelPeriod { get; init; } = 10;

    /// <summary>True to place the stop <see cref="StopAtrMultiple"/> × ATR from entry instead of at the exit channel.</summary>
    public bool UseAtrStop { get; init; }

    /// <summary>Period of the ATR (ATR stop and confidence), in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry in multiples of the ATR when <see cref="UseAtrStop"/> is true; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 2.0m;

    /// <summary>
    /// Volume filter: the breakout candle's volume must be at least this multiple of the mean volume of the
    /// <see cref="VolumePeriod"/> candles before it; 0 switches the filter off; not negative.
    /// </summary>
    public decimal VolumeMultiple { get; init; } = 1.5m;

    /// <summary>Candles in the mean volume of the volume filter; positive.</summary>
    public int VolumePeriod { get; init; } = 20;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive. The interval minimum applies when higher.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>True to signal only in the direction of the next higher interval's trend (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
