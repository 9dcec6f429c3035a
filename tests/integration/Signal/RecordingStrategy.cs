using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Integration.Tests.Signal;

/// <summary>
/// A shipped strategy inside a backtest run, unchanged, that also keeps every signal it raises as the run's
/// <see cref="StrategySeries"/> hands it on: with the market context of the candle it was raised on. The backtester counts
/// signals but does not list them; this lists them without leaving its code path.
/// </summary>
internal sealed class RecordingStrategy(IStrategy inner, List<StrategySignal> raised) : IStrategy
{
    public string Name => inner.Name;

    public int WarmUpPeriod => inner.WarmUpPeriod;

    public bool IsReady => inner.IsReady;

    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        var signal = inner.Update(candle, context);
        if (signal is not null)
        {
            // StrategySeries sets the context the same way, from the same StrategyContext, right after this returns.
            raised.Add(signal with { Context = context.Market });
        }

        return signal;
    }

    public void Reset() => inner.Reset();
}
