using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

// Contexts and runners shared by the strategy tests.
internal static class StrategyFixtures
{
    public static StrategyContext Context(decimal minimumRiskReward = 2m, Trend? higherTimeframeTrend = null) =>
        SignalChecks.Context(minimumRiskReward, higherTimeframeTrend is { } trend ? SignalChecks.HigherTrend(trend) : null);

    // The result of every candle, null where the strategy gave nothing.
    public static List<StrategySignal?> Feed(IStrategy strategy, IEnumerable<Candle> candles, StrategyContext? context = null) =>
        SignalChecks.Each(strategy, candles, context ?? Context());

    // Indices of the candles that gave a signal.
    public static List<int> SignalIndices(IReadOnlyList<StrategySignal?> results) =>
        [.. results.Select((signal, index) => (signal, index)).Where(pair => pair.signal is not null).Select(pair => pair.index)];

    // Candles whose closes mirror the given ones around `axis`, each spanning close ± halfRange: a long pattern becomes a short one.
    public static List<Candle> Mirrored(decimal axis, decimal halfRange, params decimal[] closes) =>
        TestCandles.FromCloses(halfRange, [.. closes.Select(close => axis - close)]);

    // Stop and target on the right sides of entry, R:R as stated and at least the minimum, confidence in [0, 1].
    public static void AssertConsistent(StrategySignal signal, decimal minimumRiskReward) =>
        SignalChecks.AssertValid(signal, signal.Strategy, minimumRiskReward);

    // Two copies of the candles, one with a stale candle and a repeat of an earlier one inserted before `index`.
    public static List<Candle> WithStaleCandlesBefore(IReadOnlyList<Candle> candles, int index)
    {
        var disturbed = new List<Candle>(candles);
        disturbed.Insert(index, candles[index - 1] with { Close = candles[index - 1].Close * 0.9m });
        disturbed.Insert(index + 1, candles[index - 3] with { Close = candles[index - 3].Close * 2m });
        return disturbed;
    }
}
