using System.Diagnostics.Metrics;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.Execution;

/// <summary>Counters of the <c>Trading.Execution</c> meter, recorded after the transaction that caused them committed.</summary>
public sealed class ExecutionMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _orders = telemetry.Meter.CreateCounter<long>(
        "trading.execution.orders", "{order}", "PlaceOrder commands by result (accepted, rejected, duplicate)");

    private readonly Counter<long> _fills = telemetry.Meter.CreateCounter<long>(
        "trading.execution.fills", "{fill}", "Paper fills by kind (entry, exit)");

    private readonly Counter<long> _positionsClosed = telemetry.Meter.CreateCounter<long>(
        "trading.execution.positions_closed", "{position}", "Positions closed by exit reason");

    public void Placed(PlacementResult result) =>
        _orders.Add(1, new KeyValuePair<string, object?>("result", result.ToString().ToLowerInvariant()));

    public void Traded(IReadOnlyList<TradeOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (outcome.Entries.Count > 0)
            {
                _fills.Add(outcome.Entries.Count, new KeyValuePair<string, object?>("kind", "entry"));
            }

            foreach (var exit in outcome.Exits)
            {
                _fills.Add(1, new KeyValuePair<string, object?>("kind", "exit"));
                _positionsClosed.Add(1, new KeyValuePair<string, object?>("exit_reason", FillMessages.ExitReasonOf(exit.Exit).ToString()));
            }
        }
    }
}
