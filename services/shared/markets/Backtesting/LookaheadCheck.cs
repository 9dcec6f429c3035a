using System.Globalization;
using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>
/// Finds lookahead bias: runs each strategy over the run's interval candles, then recomputes every signal it gave with a fresh
/// strategy on the data truncated at that signal's candle (the series and the factory get only the candles up to it). A strategy
/// that reads nothing later than its candle gives the same signal, field for field, market context included; any difference is
/// a finding.
/// </summary>
/// <remarks>Costs one replay from the first candle per signal. Pure: no I/O and no clock.</remarks>
public static class LookaheadCheck
{
    /// <summary>Checks every strategy of <paramref name="run"/> on all its candles up to <see cref="BacktestRun.TradeTo"/>
    /// (warm-up included).</summary>
    /// <param name="run">The run to check; its accounts and fills play no part.</param>
    /// <param name="progress">Called with 1 after each strategy's signals are all rechecked; null for none.</param>
    public static LookaheadCheckResult Run(BacktestRun run, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var tradeTo = run.TradeTo ?? DateTimeOffset.MaxValue;
        var candles = BacktestCandles.Build([.. run.Candles.TakeWhile(c => c.ClosedAt <= tradeTo)], run.Interval);
        var minimumRiskReward = run.Settings.RiskRewardMinimums.For(run.Interval);
        var findings = new List<LookaheadFinding>();
        var checkedSignals = 0;
        foreach (var strategy in run.Strategies)
        {
            var series = new StrategySeries(run.Interval, [strategy.Factory(candles)], minimumRiskReward);
            var signals = new List<(int Index, StrategySignal Signal)>();
            for (var i = 0; i < candles.Length; i++)
            {
                foreach (var signal in series.Update(candles[i]))
                {
                    signals.Add((i, signal));
                }
            }

            foreach (var (index, signal) in signals)
            {
                var truncated = new ArraySegment<Candle>(candles, 0, index + 1);
                var replay = new StrategySeries(run.Interval, [strategy.Factory(truncated)], minimumRiskReward);
                IReadOnlyList<StrategySignal> again = [];
                foreach (var candle in truncated)
                {
                    again = replay.Update(candle);
                }

                var difference = Difference(signal, again.FirstOrDefault(s => s.Strategy == signal.Strategy));
                if (difference is not null)
                {
                    findings.Add(new LookaheadFinding(strategy.Name, run.Symbol, run.Interval, signal.SignalAt, difference));
                }

                checkedSignals++;
            }

            progress?.Invoke(1);
        }

        return new LookaheadCheckResult(checkedSignals, findings);
    }

    private static string? Difference(StrategySignal full, StrategySignal? truncated)
    {
        if (truncated is null)
        {
            return string.Create(
                CultureInfo.InvariantCulture,
                $"the {full.Direction.ToString().ToLowerInvariant()} signal (entry {full.Entry}, stop {full.StopLoss}, target {full.TakeProfit}) is not given on data ending at its candle");
        }

        var differences = new List<string>();
        Compare(differences, "direction", full.Direction, truncated.Direction);
        Compare(differences, "entry", full.Entry, truncated.Entry);
        Compare(differences, "stop loss", full.StopLoss, truncated.StopLoss);
        Compare(differences, "take profit", full.TakeProfit, truncated.TakeProfit);
        Compare(differences, "risk reward", full.RiskReward, truncated.RiskReward);
        Compare(differences, "confidence", full.Confidence, truncated.Confidence);
        Compare(differences, "reason", full.Reason, truncated.Reason);
        Compare(differences, "context", full.Context, truncated.Context);
        Compare(differences, "time", full.SignalAt, truncated.SignalAt);
        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static void Compare<T>(List<string> differences, string field, T full, T truncated)
    {
        if (!EqualityComparer<T>.Default.Equals(full, truncated))
        {
            differences.Add(string.Create(CultureInfo.InvariantCulture, $"{field} {full} on all data but {truncated} on data ending at the signal"));
        }
    }
}
