using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

// Running a strategy over hand-made candles with a hand-built context, and the rules every signal must keep.
internal static class SignalChecks
{
    public static StrategyContext Context(decimal minimumRiskReward = 2.0m, MarketContext? market = null) =>
        new(Interval.OneMinute, minimumRiskReward, new HigherTimeframes(Interval.OneMinute, []))
        {
            Market = market ?? MarketContext.Unknown,
        };

    public static MarketContext Regime(MarketRegime regime) => MarketContext.Unknown with { Regime = regime };

    public static MarketContext HigherTrend(Trend trend, MarketRegime regime = MarketRegime.Unknown) =>
        MarketContext.Unknown with { Regime = regime, HigherTimeframe = Interval.Parse("5m"), HigherTimeframeTrend = trend };

    // The result of every candle, null where the strategy gave no signal.
    public static List<StrategySignal?> Each(IStrategy strategy, IEnumerable<Candle> candles, StrategyContext context) =>
        candles.Select(candle => strategy.Update(candle, context)).ToList();

    public static List<StrategySignal> Run(IStrategy strategy, IEnumerable<Candle> candles, StrategyContext context) =>
        Each(strategy, candles, context).OfType<StrategySignal>().ToList();

    // The indices of the candles that gave a signal.
    public static List<int> SignalIndices(IStrategy strategy, IEnumerable<Candle> candles, StrategyContext context) =>
        StrategyFixtures.SignalIndices(Each(strategy, candles, context));

    public static List<bool> Readiness(IStrategy strategy, IEnumerable<Candle> candles, StrategyContext context) =>
        candles.Select(candle =>
        {
            strategy.Update(candle, context);
            return strategy.IsReady;
        }).ToList();

    // Bytes allocated on this thread by the updates that returned no signal, how many such updates there were and how many of them
    // allocated anything: after a first pass that compiles every path, a fresh pass over the same candles.
    public static (long Allocated, int Quiet, int Allocating) BytesAllocatedWithoutSignal(
        Func<IStrategy> create, IReadOnlyList<Candle> candles, StrategyContext context)
    {
        Run(create(), candles, context);
        var strategy = create();
        long allocated = 0;
        var (quiet, allocating) = (0, 0);
        foreach (var candle in candles)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var signal = strategy.Update(candle, context);
            var after = GC.GetAllocatedBytesForCurrentThread();
            if (signal is null)
            {
                allocated += after - before;
                quiet++;
                allocating += after > before ? 1 : 0;
            }
        }

        return (allocated, quiet, allocating);
    }

    // The catalog strategy with default settings, fed the real candles of one interval through StrategySeries.
    public static (IReadOnlyList<Candle> Candles, List<StrategySignal> Signals, decimal Minimum) RealSeries(string name, string intervalCode)
    {
        var interval = Interval.Parse(intervalCode);
        var minimum = new RiskRewardMinimums().For(interval);
        var candles = MarketDataSeries.Candles(interval);
        var series = new StrategySeries(interval, [StrategyCatalog.Create(name, new StrategySettings())], minimum);
        return (candles, candles.SelectMany(series.Update).ToList(), minimum);
    }

    public static void AssertValid(StrategySignal signal, string strategy, decimal minimumRiskReward)
    {
        var sign = signal.Direction == TradeDirection.Long ? 1 : -1;
        var risk = sign * (signal.Entry - signal.StopLoss);
        var reward = sign * (signal.TakeProfit - signal.Entry);
        Assert.Equal(strategy, signal.Strategy);
        Assert.True(risk > 0, $"stop {signal.StopLoss} on the wrong side of entry {signal.Entry}");
        Assert.True(signal.StopLoss > 0, $"stop {signal.StopLoss} at or below zero");
        Assert.True(reward > 0, $"target {signal.TakeProfit} on the wrong side of entry {signal.Entry}");
        Assert.Equal(Math.Round(reward / risk, 4), signal.RiskReward);
        Assert.True(signal.RiskReward >= minimumRiskReward, $"R:R {signal.RiskReward} below {minimumRiskReward}");
        Assert.InRange(signal.Confidence, 0m, 1m);
        Assert.EndsWith(".", signal.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(". ", signal.Reason, StringComparison.Ordinal);
    }
}
