using Trading.Contracts.Risk;
using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Decisions;

/// <summary>
/// After each close, compares the live results of the position's strategy, symbol and interval with the backtest record its signals
/// carried (<see cref="LivePerformanceBand"/>); the first time they fall outside the band it publishes
/// <see cref="LivePerformanceDeviated"/> and, when configured, disables the combination.
/// </summary>
public sealed class LivePerformanceTracker(PositionStore positions, PerformanceStore performance, RiskSettings settings, ILogger<LivePerformanceTracker> logger)
{
    public Task<bool> IsDisabledAsync(OutboxTransaction tx, SignalGenerated signal) =>
        performance.IsDisabledAsync(tx, signal.Strategy, signal.Symbol, signal.Interval);

    public async Task JudgeAsync(OutboxTransaction tx, Guid signalId)
    {
        var combination = await tx.QuerySingleOrDefaultAsync<Combination>(
            "SELECT strategy, symbol, interval FROM decisions WHERE signal_id = @signalId AND strategy IS NOT NULL",
            new { signalId });
        if (combination is null)
        {
            return;
        }

        var backtest = await performance.BacktestOfAsync(tx, combination.Strategy, combination.Symbol, combination.Interval);
        if (backtest is null)
        {
            return;
        }

        var options = settings.Current;
        var live = LiveTrackRecord.From(
            await positions.ResultsOfAsync(tx, combination.Strategy, combination.Symbol, combination.Interval), options.StartingEquity);
        var deviations = options.Performance.ToBand().Deviations(live, backtest.WinRate, backtest.ProfitFactor, backtest.MaxDrawdownPct);
        if (deviations.Count == 0)
        {
            return;
        }

        var disable = options.Performance.DisableOnDeviation;
        var text = string.Join("; ", deviations);
        if (!await performance.RecordDeviationAsync(tx, combination.Strategy, combination.Symbol, combination.Interval, text, disable))
        {
            return;
        }

        await tx.PublishAsync(new LivePerformanceDeviated
        {
            Strategy = combination.Strategy,
            Symbol = combination.Symbol,
            Interval = combination.Interval,
            Trades = live.Trades,
            WinRate = live.WinRate,
            ProfitFactor = live.ProfitFactor,
            MaxDrawdownPct = live.MaxDrawdownPct,
            BacktestWinRate = backtest.WinRate,
            BacktestProfitFactor = backtest.ProfitFactor,
            BacktestMaxDrawdownPct = backtest.MaxDrawdownPct,
            Deviations = deviations,
            Disabled = disable,
            DeviatedAt = tx.Now,
        });
        Log.LivePerformanceDeviated(logger, combination.Strategy, combination.Symbol, combination.Interval, live.ToString(), text, disable);
    }

    private sealed class Combination
    {
        public string Strategy { get; set; } = "";

        public string Symbol { get; set; } = "";

        public string Interval { get; set; } = "";
    }
}
