namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="MacdMomentumStrategy"/>; <see cref="MacdMomentumStrategy"/> validates them.</summary>
public sealed record MacdMomentumOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "MacdMomentum";

    /// <summary>Period of the fast EMA of the MACD line, in candles; positive and below <see cref="SlowPeriod"/>.</summary>
    public int FastPeriod { get; init; } = 12;

    /// <summary>Period of the slow EMA of the MACD line, in candles; positive.</summary>
    public int SlowPeriod { get; init; } = 26;

    /// <summary>Period of the signal EMA of the MACD line, in candles; positive.</summary>
    public int SignalPeriod { get; init; } = 9;

    /// <summary>Period of the EMA of closes that is the trend filter, in candles; positive. Longs need the close above it, shorts below.</summary>
    public int TrendPeriod { get; init; } = 50;

    /// <summary>When true, a long also needs the MACD line above zero and a short below zero.</summary>
    public bool RequireMacdLineSign { get; init; }

    /// <summary>Period of the ADX filter, in candles; positive.</summary>
    public int AdxPeriod { get; init; } = 14;

    /// <summary>Lowest ADX at which a signal is given, 0 to 100; 0 switches the ADX filter off.</summary>
    public double MinimumAdx { get; init; } = 20;

    /// <summary>Period of the ATR that sets the stop distance, in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 2.0m;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive. The interval minimum applies when higher.</summary>
    public decimal RiskReward { get; init; } = 2.0m;

    /// <summary>When true, signal only when the next higher interval trends the same way (<see cref="MarketContext.IsAligned"/>).</summary>
    public bool RequireHigherTimeframe { get; init; }
}
