namespace Trading.Markets.Strategies;

/// <summary>
/// What a strategy may read besides its candles, at one candle's close. One instance per series, updated in place before each
/// candle (no allocation per candle); a strategy must not keep a reference to it across calls.
/// </summary>
public sealed class StrategyContext
{
    /// <summary>Creates the context of a series.</summary>
    /// <param name="interval">The series' interval.</param>
    /// <param name="minimumRiskReward">The lowest R:R a signal on this interval may have; positive.</param>
    /// <param name="higher">The higher intervals built from the series' candles.</param>
    public StrategyContext(Interval interval, decimal minimumRiskReward, HigherTimeframes higher)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumRiskReward);
        ArgumentNullException.ThrowIfNull(higher);
        Interval = interval;
        MinimumRiskReward = minimumRiskReward;
        Higher = higher;
    }

    /// <summary>The interval of the series' candles.</summary>
    public Interval Interval { get; }

    /// <summary>
    /// The lowest reward-to-risk a signal on this interval may carry (see <see cref="RiskRewardMinimums"/>). A strategy whose own
    /// target would give less moves the target out to this multiple of the stop distance.
    /// </summary>
    public decimal MinimumRiskReward { get; }

    /// <summary>Closed candles of the higher intervals of the same symbol, up to and including this candle's close.</summary>
    public HigherTimeframes Higher { get; }

    /// <summary>Regime, higher-timeframe trend and macro trend after this candle.</summary>
    public MarketContext Market { get; set; } = MarketContext.Unknown;
}
