using System.Collections.Concurrent;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

// Two weeks of real BTC-PERP 1-minute candles, and the same merged into longer intervals with CandleAggregator.
internal static class MarketDataSeries
{
    public const string OneMinuteFile = "btcusd-perp-ftx-1m-20211231-20220114.csv";

    private static readonly ConcurrentDictionary<Interval, Lazy<IReadOnlyList<Candle>>> Cache = new();

    public static IReadOnlyList<Candle> Candles(Interval interval) =>
        Cache.GetOrAdd(interval, key => new Lazy<IReadOnlyList<Candle>>(() => Load(key))).Value;

    // Merges shorter candles into `interval`; the last candle, still open, is left out.
    public static List<Candle> Aggregate(IEnumerable<Candle> candles, Interval interval)
    {
        var merged = new List<Candle>();
        var aggregator = new CandleAggregator(interval, merged.Add);
        foreach (var candle in candles)
        {
            aggregator.Update(candle);
        }

        return merged;
    }

    public static List<StrategySignal> Run(StrategySeries series, IEnumerable<Candle> candles) =>
        [.. candles.SelectMany(series.Update)];

    private static IReadOnlyList<Candle> Load(Interval interval)
    {
        var oneMinute = TestData.ReadCandles(OneMinuteFile, TimeSpan.FromMinutes(1));
        return interval == Interval.OneMinute ? oneMinute : Aggregate(oneMinute, interval);
    }
}
