using Trading.Contracts.Signals;

namespace Trading.Signal.Backtests;

/// <summary>
/// The live gate: a strategy may signal live on a symbol and interval only when its newest backtest record there passed.
/// </summary>
public static class BacktestGate
{
    /// <param name="strategy">The signal's strategy.</param>
    /// <param name="symbol">The signal's symbol.</param>
    /// <param name="interval">The signal's interval code.</param>
    /// <param name="record">The newest backtest record of that strategy, symbol and interval, or null.</param>
    /// <param name="enforce">False publishes every signal (<c>Signal:Gate:Enforce</c>).</param>
    public static GateDecision Decide(string strategy, string symbol, string interval, BacktestRecord? record, bool enforce)
    {
        if (!enforce)
        {
            return GateDecision.Published;
        }

        if (record is null)
        {
            return GateDecision.Suppressed($"no backtest record for {strategy} on {symbol} {interval}");
        }

        if (record.Passed)
        {
            return GateDecision.Published;
        }

        return GateDecision.Suppressed(record.GateReasons.Count == 0
            ? $"the backtest of {strategy} on {symbol} {interval} did not pass the live gate"
            : string.Join("; ", record.GateReasons));
    }
}
