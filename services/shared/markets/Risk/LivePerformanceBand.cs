using System.Globalization;

namespace Trading.Markets.Risk;

/// <summary>
/// How far live results may fall behind the backtest record before the combination is reported (and, if configured, disabled).
/// Judged only once at least <see cref="MinTrades"/> trades closed: fewer say too little.
/// </summary>
public sealed record LivePerformanceBand
{
    /// <summary>Closed live trades needed before the band is applied; at least 1.</summary>
    public int MinTrades { get; init; } = 20;

    /// <summary>Most the live win rate may lie below the backtest's, in win-rate units (0.10 = 10 points); 0 to 1.</summary>
    public decimal MaxWinRateShortfall { get; init; } = 0.10m;

    /// <summary>Least live profit factor as a share of the backtest's (0.5: half of it); 0 to 1. Not applied when the backtest had no loss.</summary>
    public decimal MinProfitFactorRatio { get; init; } = 0.5m;

    /// <summary>Most live maximum drawdown as a multiple of the backtest's (1.5: half again as deep); at least 1.</summary>
    public decimal MaxDrawdownRatio { get; init; } = 1.5m;

    /// <summary>Where the live record falls outside the band, one sentence per figure; empty inside it or below <see cref="MinTrades"/>.</summary>
    /// <param name="live">The live record.</param>
    /// <param name="backtestWinRate">The backtest's win rate, 0 to 1.</param>
    /// <param name="backtestProfitFactor">The backtest's profit factor; null when it had no loss.</param>
    /// <param name="backtestMaxDrawdownPct">The backtest's maximum drawdown in percent.</param>
    /// <exception cref="ArgumentOutOfRangeException">A limit of the band is out of its documented range.</exception>
    public IReadOnlyList<string> Deviations(
        LiveTrackRecord live, decimal backtestWinRate, decimal? backtestProfitFactor, decimal backtestMaxDrawdownPct)
    {
        ArgumentNullException.ThrowIfNull(live);
        Validate();
        if (live.Trades < MinTrades)
        {
            return [];
        }

        var deviations = new List<string>();
        var winFloor = backtestWinRate - MaxWinRateShortfall;
        if (live.WinRate < winFloor)
        {
            deviations.Add(Text(
                $"live win rate {live.WinRate:P1} is below the backtest's {backtestWinRate:P1} less {MaxWinRateShortfall * 100:0.##} points ({winFloor:P1})"));
        }

        if (backtestProfitFactor is { } backtestPf)
        {
            var pfFloor = backtestPf * MinProfitFactorRatio;
            if (live.ProfitFactor is { } livePf && livePf < pfFloor)
            {
                deviations.Add(Text(
                    $"live profit factor {livePf:0.##} is below {MinProfitFactorRatio:0.##} × the backtest's {backtestPf:0.##} ({pfFloor:0.##})"));
            }
        }

        var drawdownCeiling = backtestMaxDrawdownPct * MaxDrawdownRatio;
        if (live.MaxDrawdownPct > drawdownCeiling)
        {
            deviations.Add(Text(
                $"live max drawdown {live.MaxDrawdownPct:0.##} % is above {MaxDrawdownRatio:0.##} × the backtest's {backtestMaxDrawdownPct:0.##} % ({drawdownCeiling:0.##} %)"));
        }

        return deviations;
    }

    /// <summary>Throws when a limit is out of its documented range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTrades, 1, nameof(MinTrades));
        ArgumentOutOfRangeException.ThrowIfNegative(MaxWinRateShortfall, nameof(MaxWinRateShortfall));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxWinRateShortfall, 1m, nameof(MaxWinRateShortfall));
        ArgumentOutOfRangeException.ThrowIfNegative(MinProfitFactorRatio, nameof(MinProfitFactorRatio));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinProfitFactorRatio, 1m, nameof(MinProfitFactorRatio));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDrawdownRatio, 1m, nameof(MaxDrawdownRatio));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
