using System.Diagnostics.Metrics;
using Trading.Risk.Account;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Risk.Decisions;

/// <summary>
/// The service's instruments on the <c>Trading.Risk</c> meter. The gauges read the account as of the last commit (read once at start,
/// then after every message).
/// </summary>
public sealed class RiskMetrics
{
    private readonly Counter<long> _decisions;
    private volatile AccountView? _account;
    private volatile IReadOnlyList<StrategyResult> _strategies = [];

    public RiskMetrics(ServiceTelemetry telemetry)
    {
        _decisions = telemetry.Meter.CreateCounter<long>("trading.risk.decisions", "{decision}", "Decisions on signals, by outcome and rule.");
        telemetry.Meter.CreateObservableGauge("trading.risk.positions_open", ObserveOpenPositions, "{position}", "Positions open or awaiting a fill.");
        telemetry.Meter.CreateObservableGauge("trading.risk.equity", ObserveEquity, "{quote}", "Starting equity plus fees and closed results.");
        telemetry.Meter.CreateObservableGauge("trading.risk.pnl_today", ObservePnlToday, "{quote}", "Realised P&L of the UTC day, net of fees.");
        telemetry.Meter.CreateObservableGauge("trading.risk.drawdown", ObserveDrawdown, "1", "Fall of equity from its peak, 0 to 1.");
        telemetry.Meter.CreateObservableGauge("trading.risk.halted", ObserveHalted, "{halt}", "Active halts (kill switch, drawdown, daily loss).");
        telemetry.Meter.CreateObservableGauge("trading.risk.strategy_trades", ObserveStrategyTrades, "{position}", "Closed positions per strategy, by result (win, loss).");
        telemetry.Meter.CreateObservableGauge("trading.risk.strategy_win_rate", ObserveStrategyWinRate, "1", "Share of a strategy's closed positions that won, 0 to 1.");
        telemetry.Meter.CreateObservableGauge("trading.risk.strategy_profit_factor", ObserveStrategyProfitFactor, "1", "A strategy's gross profit over its gross loss (absent while nothing was lost).");
    }

    public void Decided(DecisionOutcome outcome)
    {
        var decision = outcome.Decision;
        _decisions.Add(1, new("outcome", decision.Approved ? "approved" : "rejected"), new("rule", decision.Rule ?? "none"));
        Committed(outcome.Account);
    }

    public void Committed(AccountView? account)
    {
        if (account is not null)
        {
            _account = account;
        }
    }

    /// <summary>The closed results per strategy as of the last commit that booked a close (read at start, then after every close).</summary>
    public void StrategiesCommitted(IReadOnlyList<StrategyResult>? strategies)
    {
        if (strategies is not null)
        {
            _strategies = strategies;
        }
    }

    private IEnumerable<Measurement<long>> ObserveStrategyTrades() =>
        _strategies.SelectMany(s => new[]
        {
            new Measurement<long>(s.Wins, new("strategy", s.Strategy), new("result", "win")),
            new Measurement<long>(s.Losses, new("strategy", s.Strategy), new("result", "loss")),
        });

    private IEnumerable<Measurement<double>> ObserveStrategyWinRate() =>
        _strategies.Where(s => s.WinRate is not null).Select(s => new Measurement<double>(s.WinRate!.Value, new KeyValuePair<string, object?>("strategy", s.Strategy)));

    private IEnumerable<Measurement<double>> ObserveStrategyProfitFactor() =>
        _strategies.Where(s => s.ProfitFactor is not null).Select(s => new Measurement<double>(s.ProfitFactor!.Value, new KeyValuePair<string, object?>("strategy", s.Strategy)));

    private IEnumerable<Measurement<int>> ObserveOpenPositions() =>
        _account is { } view ? [new Measurement<int>(view.Account.OpenPositions.Count)] : [];

    private IEnumerable<Measurement<double>> ObserveEquity() =>
        _account is { } view ? [new Measurement<double>((double)view.Account.Equity)] : [];

    private IEnumerable<Measurement<double>> ObservePnlToday() =>
        _account is { } view ? [new Measurement<double>((double)view.Account.RealisedPnlToday)] : [];

    private IEnumerable<Measurement<double>> ObserveDrawdown() =>
        _account is { } view ? [new Measurement<double>((double)view.Drawdown)] : [];

    private IEnumerable<Measurement<int>> ObserveHalted() =>
        _account is { } view ? [new Measurement<int>(view.Halts.Count)] : [];
}
