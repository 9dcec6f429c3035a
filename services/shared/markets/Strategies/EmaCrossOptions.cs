namespace Trading.Markets.Strategies;

/// <summary>Parameters of <see cref="EmaCrossStrategy"/>; <see cref="EmaCrossStrategy"/> validates them.</summary>
public sealed record EmaCrossOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "EmaCross";

    /// <summary>Period of the fast EMA, in candles; positive and below <see cref="SlowPeriod"/>.</summary>
    public int FastPeriod { get; init; } = 9;

    /// <summary>Period of the slow EMA, in candles; positive.</summary>
    public int SlowPeriod { get; init; } = 21;

    /// <summary>Period of the ATR that sets the stop distance, in candles; positive.</summary>
    public int AtrPeriod { get; init; } = 14;

    /// <summary>Stop distance from entry, in multiples of the ATR; positive.</summary>
    public decimal StopAtrMultiple { get; init; } = 1.5m;

    /// <summary>Take-profit distance as a multiple of the stop distance; positive.</summary>
    public decimal RiskReward { get; init; } = 2.0m;
}
