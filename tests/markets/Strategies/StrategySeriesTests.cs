using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

public sealed class StrategySeriesTests
{
    private static readonly Interval FiveMinutes = Interval.Parse("5m");

    [Fact]
    public void Refuses_a_candle_not_newer_than_the_last_one_before_any_strategy_sees_it()
    {
        var candles = TestCandles.FromCloses(1m, 100, 101, 102);
        var strategy = new RecordingStrategy();
        var series = new StrategySeries(Interval.OneMinute, [strategy], 2m);
        series.Update(candles[0]);
        series.Update(candles[2]);

        var repeated = series.Update(candles[2] with { Close = 90m });
        var older = series.Update(candles[1]);

        Assert.Empty(repeated);
        Assert.Empty(older);
        Assert.False(series.Accepts(candles[1]));
        Assert.Equal([candles[0], candles[2]], strategy.Seen);
        Assert.Equal((2L, candles[2].OpenedAt, candles[2].ClosedAt), (series.Samples, series.LastOpenedAt, series.LastClosedAt));
    }

    [Fact]
    public void Reports_a_gap_when_candles_are_missing_before_the_next_one()
    {
        var candles = TestCandles.FromCloses(1m, 100, 101, 102);
        var series = new StrategySeries(Interval.OneMinute, [new RecordingStrategy()], 2m);
        var gapBeforeFirst = series.IsGapBefore(candles[0]);
        series.Update(candles[0]);

        Assert.False(gapBeforeFirst);
        Assert.False(series.IsGapBefore(candles[1]));
        Assert.True(series.IsGapBefore(candles[2]));
    }

    [Fact]
    public void Gives_the_strategies_the_interval_minimum_and_the_higher_candles_of_this_close()
    {
        var candles = TestCandles.FromCloses(1m, [.. Enumerable.Range(0, 10).Select(minute => 100m + minute)]);
        var strategy = new RecordingStrategy();
        var series = new StrategySeries(Interval.OneMinute, [strategy], 2.5m, [FiveMinutes]);

        foreach (var candle in candles)
        {
            series.Update(candle);
        }

        Assert.All(strategy.Contexts, context => Assert.Equal((Interval.OneMinute, 2.5m), (context.Interval, context.MinimumRiskReward)));
        Assert.Equal([0, 0, 0, 0, 1, 1, 1, 1, 1, 2], strategy.HigherCandleCounts);
        Assert.Equal(WarmUpOf(series), series.WarmUpPeriod);
    }

    [Fact]
    public void Gives_every_signal_the_market_context_of_its_candle()
    {
        var candles = MarketDataSeries.Candles(FiveMinutes);
        var series = new StrategySeries(FiveMinutes, [Create("ema-cross"), Create("macd-momentum"), Create("bollinger-squeeze")], 2m);

        var checkedSignals = 0;
        foreach (var candle in candles)
        {
            foreach (var signal in series.Update(candle))
            {
                Assert.Equal(series.Context.Market, signal.Context);
                Assert.Equal(candle.ClosedAt, signal.SignalAt);
                checkedSignals++;
            }
        }

        Assert.True(checkedSignals > 50, $"only {checkedSignals} signals");
        Assert.Equal(Interval.Parse("15m"), series.Context.Market.HigherTimeframe);
        Assert.NotEqual(Trend.Unknown, series.Context.Market.HigherTimeframeTrend);
    }

    [Fact]
    public void Reset_gives_the_signals_of_a_fresh_series()
    {
        var candles = MarketDataSeries.Candles(FiveMinutes);
        var series = new StrategySeries(FiveMinutes, [.. StrategyNames.Select(Create)], 2m);
        MarketDataSeries.Run(series, candles.Skip(1_000).Take(1_500));

        series.Reset();
        var afterReset = (series.Samples, series.LastOpenedAt, series.Context.Market);
        var replayed = MarketDataSeries.Run(series, candles);

        var fresh = MarketDataSeries.Run(new StrategySeries(FiveMinutes, [.. StrategyNames.Select(Create)], 2m), candles);
        Assert.Equal((0L, (DateTimeOffset?)null, MarketContext.Unknown), afterReset);
        Assert.NotEmpty(fresh);
        Assert.Equal(fresh, replayed);
    }

    [Fact]
    public void Strategies_in_one_series_give_the_same_signals_as_each_alone()
    {
        var candles = MarketDataSeries.Candles(FiveMinutes);

        var together = MarketDataSeries.Run(new StrategySeries(FiveMinutes, [.. StrategyNames.Select(Create)], 2m), candles);
        var alone = StrategyNames
            .SelectMany(name => MarketDataSeries.Run(new StrategySeries(FiveMinutes, [Create(name)], 2m), candles))
            .OrderBy(signal => signal.SignalAt)
            .ThenBy(signal => Array.IndexOf(StrategyNames, signal.Strategy))
            .ToList();

        Assert.Equal(StrategyNames.Length, together.Select(signal => signal.Strategy).Distinct().Count());
        Assert.Equal(alone, together);
    }

    private static readonly string[] StrategyNames = ["ema-cross", "rsi-reversion", "macd-momentum", "bollinger-squeeze"];

    private static IStrategy Create(string name) => StrategyCatalog.Create(name, new StrategySettings());

    private static int WarmUpOf(StrategySeries series) => series.Strategies.Max(strategy => strategy.WarmUpPeriod);

    // Records what the series shows it, and never signals.
    private sealed class RecordingStrategy : IStrategy
    {
        public List<Candle> Seen { get; } = [];

        public List<StrategyContext> Contexts { get; } = [];

        public List<int> HigherCandleCounts { get; } = [];

        public string Name => "recording";

        public int WarmUpPeriod => 3;

        public bool IsReady => Seen.Count >= WarmUpPeriod;

        public StrategySignal? Update(Candle candle, StrategyContext context)
        {
            Seen.Add(candle);
            Contexts.Add(context);
            HigherCandleCounts.Add(context.Higher.Intervals.Count == 0 ? 0 : context.Higher.Closed(context.Higher.Intervals[0]).Count);
            return null;
        }

        public void Reset() => Seen.Clear();
    }
}
