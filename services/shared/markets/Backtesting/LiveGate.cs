using System.Globalization;

namespace Trading.Markets.Backtesting;

/// <summary>
/// Decides from backtest figures whether a strategy may signal live. It passes when all three rules hold: trades ≥
/// <see cref="LiveGateThresholds.MinTrades"/>; win rate &gt; break-even win rate + <see cref="LiveGateThresholds.WinRateMargin"/>;
/// profit factor ≥ <see cref="LiveGateThresholds.MinProfitFactor"/>, where an undefined profit factor (no losing trade) passes
/// when there was a gross profit and fails otherwise.
/// </summary>
public sealed class LiveGate
{
    /// <summary>Thresholds for intervals not listed in <see cref="ByInterval"/>.</summary>
    public LiveGateThresholds Default { get; init; } = new();

    /// <summary>Thresholds per interval code; an entry replaces <see cref="Default"/> for that interval.</summary>
    public IReadOnlyDictionary<string, LiveGateThresholds> ByInterval { get; init; } = new Dictionary<string, LiveGateThresholds>(StringComparer.Ordinal);

    /// <summary>The thresholds of <paramref name="interval"/>.</summary>
    public LiveGateThresholds For(Interval interval) => ByInterval.TryGetValue(interval.Code, out var thresholds) ? thresholds : Default;

    /// <summary>Applies the rules of <paramref name="interval"/> to <paramref name="statistics"/>.</summary>
    public LiveGateResult Evaluate(BacktestStatistics statistics, Interval interval)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var thresholds = For(interval);
        var culture = CultureInfo.InvariantCulture;
        var reasons = new List<string>();
        if (statistics.Trades < thresholds.MinTrades)
        {
            reasons.Add(string.Create(culture, $"{statistics.Trades} trades, fewer than the {thresholds.MinTrades} required."));
        }

        var required = statistics.BreakevenWinRate + thresholds.WinRateMargin;
        if (!(statistics.WinRate > required))
        {
            reasons.Add(string.Create(
                culture,
                $"win rate {statistics.WinRate:P1} is not above the break-even {statistics.BreakevenWinRate:P1} plus the margin {thresholds.WinRateMargin:P1} ({required:P1})."));
        }

        if (statistics.ProfitFactor is { } factor)
        {
            if (factor < thresholds.MinProfitFactor)
            {
                reasons.Add(string.Create(culture, $"profit factor {factor:0.###} is below {thresholds.MinProfitFactor:0.###}."));
            }
        }
        else if (statistics.GrossProfit <= 0m)
        {
            reasons.Add(string.Create(culture, $"profit factor undefined: no winning or losing trade, and {thresholds.MinProfitFactor:0.###} is required."));
        }

        return new LiveGateResult(reasons.Count == 0, reasons);
    }
}
