using System.Text.Json;
using System.Text.Json.Nodes;
using Trading.Contracts.Signals;
using Trading.Markets.Strategies;

namespace Trading.Signal.Backtests;

/// <summary>
/// The live gate: a strategy may signal live on a symbol and interval only when its newest backtest record there passed, and was
/// computed with the parameters the service runs it with (a record of other parameters proves nothing about these).
/// </summary>
public static class BacktestGate
{
    /// <param name="strategy">The signal's strategy.</param>
    /// <param name="symbol">The signal's symbol.</param>
    /// <param name="interval">The signal's interval code.</param>
    /// <param name="record">The newest backtest record of that strategy, symbol and interval, or null.</param>
    /// <param name="enforce">False publishes every signal (<c>Signal:Gate:Enforce</c>).</param>
    /// <param name="liveParameters">The strategy's parameters in the service, as <see cref="StrategyCatalog.ParametersJson"/> writes them.</param>
    public static GateDecision Decide(string strategy, string symbol, string interval, BacktestRecord? record, bool enforce, JsonObject liveParameters)
    {
        ArgumentNullException.ThrowIfNull(liveParameters);
        if (!enforce)
        {
            return GateDecision.Published;
        }

        if (record is null)
        {
            return GateDecision.Suppressed($"no backtest record for {strategy} on {symbol} {interval}");
        }

        if (!record.Passed)
        {
            return GateDecision.Suppressed(record.GateReasons.Count == 0
                ? $"the backtest of {strategy} on {symbol} {interval} did not pass the live gate"
                : string.Join("; ", record.GateReasons));
        }

        var differences = Recorded(record) is { } recorded ? StrategyCatalog.ParameterDifferences(recorded, liveParameters) : ["unreadable"];
        return differences.Count == 0
            ? GateDecision.Published
            : GateDecision.Suppressed(
                $"the backtest of {strategy} on {symbol} {interval} ran with other parameters than the live ones " +
                $"(recorded against live: {string.Join(", ", differences)})");
    }

    private static JsonObject? Recorded(BacktestRecord record)
    {
        try
        {
            return JsonNode.Parse(record.Parameters) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
