using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Backtesting;

// Signals on the candles opened at the scripted times, entering at the close with the scripted stop and target.
internal sealed class ScriptedStrategy(string name, IReadOnlyDictionary<DateTimeOffset, (TradeDirection Direction, decimal Stop, decimal Target)> script)
    : IStrategy
{
    public string Name => name;

    public int WarmUpPeriod => 0;

    public bool IsReady => true;

    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        if (!script.TryGetValue(candle.OpenedAt, out var plan))
        {
            return null;
        }

        return new StrategySignal
        {
            Strategy = name,
            Direction = plan.Direction,
            Entry = candle.Close,
            StopLoss = plan.Stop,
            TakeProfit = plan.Target,
            RiskReward = Math.Abs(plan.Target - candle.Close) / Math.Abs(candle.Close - plan.Stop),
            Confidence = 1m,
            Reason = "scripted",
            SignalAt = candle.ClosedAt,
        };
    }

    public void Reset()
    {
    }
}
