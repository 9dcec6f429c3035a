using System.Diagnostics.Metrics;
using Trading.Risk.Account;
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

    public RiskMetrics(ServiceTelemetry telemetry)
    {
        _decisions = telemetry.Meter.CreateCounter<long>("risk.decisions", "{decision}", "Decisions on signals, by outcome and rule.");
        telemetry.Meter.CreateObservableGauge("risk.positions.open", ObserveOpenPositions, "{position}", "Positions open or awaiting a fill.");
        telemetry.Meter.CreateObservableGauge("risk.equity", ObserveEquity, "{quote}", "Starting equity plus fees and closed results.");
        telemetry.Meter.CreateObservableGauge("risk.pnl.today", ObservePnlToday, "{quote}", "Realised P&L of the UTC day, net of fees.");
        telemetry.Meter.CreateObservableGauge("risk.drawdown", ObserveDrawdown, "1", "Fall of equity from its peak, 0 to 1.");
        telemetry.Meter.CreateObservableGauge("risk.halted", ObserveHalted, "{halt}", "Active halts (kill switch, drawdown, daily loss).");
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
