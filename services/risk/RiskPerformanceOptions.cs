using Trading.Markets.Risk;

namespace Trading.Risk;

/// <summary>
/// Live (paper) results per strategy, symbol and interval against the backtest record the signals carried (section
/// <c>Risk:Performance</c>); see <see cref="LivePerformanceBand"/>.
/// </summary>
public sealed class RiskPerformanceOptions
{
    /// <summary>Closed trades of a combination before its live results are judged.</summary>
    public int MinTrades { get; set; } = 20;

    /// <summary>Most the live win rate may lie below the backtest's (0.10 = 10 points).</summary>
    public decimal MaxWinRateShortfall { get; set; } = 0.10m;

    /// <summary>Least live profit factor as a share of the backtest's.</summary>
    public decimal MinProfitFactorRatio { get; set; } = 0.5m;

    /// <summary>Most live drawdown as a multiple of the backtest's.</summary>
    public decimal MaxDrawdownRatio { get; set; } = 1.5m;

    /// <summary>When true, a combination outside the band is disabled: its signals are rejected until an operator enables it.</summary>
    public bool DisableOnDeviation { get; set; }

    public LivePerformanceBand ToBand() => new()
    {
        MinTrades = MinTrades,
        MaxWinRateShortfall = MaxWinRateShortfall,
        MinProfitFactorRatio = MinProfitFactorRatio,
        MaxDrawdownRatio = MaxDrawdownRatio,
    };
}
