using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Cli.Tests.Backtest;

// A planted lookahead: goes long whenever the next candle of the data it was created on closes higher than this one.
internal sealed class PeekingStrategy(IReadOnlyList<Candle> candles) : IStrategy
{
    private int _index = -1;

    public string Name => "peeking";

    public int WarmUpPeriod => 0;

    public bool IsReady => true;

    public StrategySignal? Update(Candle candle, StrategyContext context)
    {
        _index++;
        if (_index + 1 >= candles.Count || candles[_index + 1].Close <= candle.Close)
        {
            return null;
        }

        return new StrategySignal
        {
            Strategy = Name,
            Direction = TradeDirection.Long,
            Entry = candle.Close,
            StopLoss = candle.Close * 0.99m,
            TakeProfit = candle.Close * 1.02m,
            RiskReward = 2m,
            Confidence = 1m,
            Reason = "the next candle closes higher",
            SignalAt = candle.ClosedAt,
        };
    }

    public void Reset() => _index = -1;
}
