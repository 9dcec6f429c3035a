namespace Trading.Markets.Tests.Strategies;

// The FTX BTC-PERP one-minute candles of /work/shared/data/market, and the same candles merged into longer intervals with
// CandleAggregator, read once per test run.
internal static class BtcPerpCandles
{
    public const string File = "btcusd-perp-ftx-1m-20211231-20220114.csv";

    private static readonly Lazy<IReadOnlyList<Candle>> OneMinute =
        new(() => TestData.ReadCandles(File, TimeSpan.FromMinutes(1)));

    public static IReadOnlyList<Candle> For(Interval interval)
    {
        if (interval.Duration == TimeSpan.FromMinutes(1))
        {
            return OneMinute.Value;
        }

        var candles = new List<Candle>();
        var aggregator = new CandleAggregator(interval, candles.Add);
        foreach (var candle in OneMinute.Value)
        {
            aggregator.Update(candle);
        }

        return candles;
    }
}
