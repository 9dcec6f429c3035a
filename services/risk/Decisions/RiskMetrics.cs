using System.Diagnostics.Metrics;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Risk.Decisions;

/// <summary>
/// The service's instruments on the <c>Trading.Risk</c> meter. The gauges read the account as of the last commit
/// (nothing until the first message after a start).
/// </summary>
public sealed class RiskMetrics
{
    private readonly Counter<long> _decisions;
    private volatile AccountSnapshot? _account;

    public RiskMetrics(ServiceTelemetry telemetry)
    {
        _decisions = telemetry.Meter.CreateCounter<long>("risk.decisions", "{decision}", "Decisions on signals, by outcome and rule.");
        telemetry.Meter.CreateObservableGauge("risk.positions.open", ObserveOpenPositions, "{position}", "Positions open or awaiting a fill.");
        telemetry.Meter.CreateObservableGauge("risk.equity", ObserveEquity, "{quote}", "Starting equity plus realised P&L.");
    }

    public void Decided(DecisionResult result)
    {
        var decision = result.Decision;
        _decisions.Add(1, new("outcome", decision.Approved ? "approved" : "rejected"), new("rule", decision.Rule ?? "none"));
        Committed(result.Account);
    }

    public void Committed(AccountSnapshot? account)
    {
        if (account is not null)
        {
            _account = account;
        }
    }

    private IEnumerable<Measurement<int>> ObserveOpenPositions() =>
        _account is { } account ? [new Measurement<int>(account.OpenPositions)] : [];

    private IEnumerable<Measurement<double>> ObserveEquity() =>
        _account is { } account ? [new Measurement<double>((double)account.Equity)] : [];
}
