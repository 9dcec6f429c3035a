using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

public sealed class MarketContextTrackerTests
{
    private static readonly Interval FiveMinutes = Interval.Parse("5m");
    private static readonly Interval FifteenMinutes = Interval.Parse("15m");

    [Fact]
    public void A_steady_rise_is_a_trending_regime_with_up_trends_on_both_higher_intervals()
    {
        var candles = Line(start: 1_000m, step: 1m, count: 800);

        var context = Run(candles)[^1];

        Assert.Equal(MarketRegime.Trending, context.Regime);
        Assert.True(context.Adx >= MarketContextTracker.TrendingAdx);
        Assert.Equal((FiveMinutes, Trend.Up, Trend.Up), (context.HigherTimeframe, context.HigherTimeframeTrend, context.MacroTrend));
        Assert.True(context.IsAligned(TradeDirection.Long));
        Assert.False(context.IsAligned(TradeDirection.Short));
    }

    [Fact]
    public void A_steady_fall_is_a_trending_regime_with_down_trends()
    {
        var candles = Line(start: 2_000m, step: -1m, count: 800);

        var context = Run(candles)[^1];

        Assert.Equal(MarketRegime.Trending, context.Regime);
        Assert.Equal((Trend.Down, Trend.Down), (context.HigherTimeframeTrend, context.MacroTrend));
        Assert.True(context.IsAligned(TradeDirection.Short));
    }

    [Fact]
    public void A_flat_market_is_ranging_with_flat_trends()
    {
        var candles = Line(start: 1_000m, step: 0m, count: 800);

        var context = Run(candles)[^1];

        Assert.Equal(MarketRegime.Ranging, context.Regime);
        Assert.Equal(0, context.AtrPercentile);
        Assert.Equal((Trend.Flat, Trend.Flat), (context.HigherTimeframeTrend, context.MacroTrend));
        Assert.False(context.IsAligned(TradeDirection.Long));
        Assert.False(context.IsAligned(TradeDirection.Short));
    }

    [Fact]
    public void A_steady_zigzag_is_ranging()
    {
        var candles = Zigzag(count: 300, amplitude: _ => 1m);

        var context = Run(candles)[^1];

        Assert.Equal(MarketRegime.Ranging, context.Regime);
        Assert.True(context.Adx < MarketContextTracker.TrendingAdx);
    }

    [Fact]
    public void A_zigzag_whose_swings_suddenly_widen_is_volatile()
    {
        var candles = Zigzag(count: 300, amplitude: index => index < 290 ? 1m : 1m + (index - 289) * 2m);

        var contexts = Run(candles);

        Assert.Equal(MarketRegime.Ranging, contexts[289].Regime);
        Assert.Equal(MarketRegime.Volatile, contexts[^1].Regime);
        Assert.True(contexts[^1].AtrPercentile >= MarketContextTracker.VolatileAtrPercentile);
        Assert.True(contexts[^1].Adx < MarketContextTracker.TrendingAdx);
    }

    [Fact]
    public void A_trend_is_known_once_the_adx_is_ready_and_other_regimes_once_the_atr_percentile_is()
    {
        var rising = Run(Line(start: 1_000m, step: 1m, count: 300), [FiveMinutes]);
        var flat = Run(Line(start: 1_000m, step: 0m, count: 300), [FiveMinutes]);
        var tracker = new MarketContextTracker(new HigherTimeframes(Interval.OneMinute, [FiveMinutes]));

        Assert.Equal(114, tracker.WarmUpPeriod);
        Assert.All(rising.Take(27), context => Assert.Equal((MarketRegime.Unknown, null), (context.Regime, context.Adx)));
        Assert.Equal(MarketRegime.Trending, rising[27].Regime);
        Assert.All(flat.Take(113), context => Assert.Equal(MarketRegime.Unknown, context.Regime));
        Assert.Null(flat[112].AtrPercentile);
        Assert.Equal(MarketRegime.Ranging, flat[113].Regime);
    }

    [Fact]
    public void A_higher_trend_is_known_once_fifty_higher_candles_have_closed()
    {
        var contexts = Run(Line(start: 1_000m, step: 1m, count: 300), [FiveMinutes]);

        Assert.All(contexts.Take(249), context => Assert.Equal(Trend.Unknown, context.HigherTimeframeTrend));
        Assert.Equal(Trend.Up, contexts[249].HigherTimeframeTrend);
        Assert.Equal(Trend.Up, contexts[^1].HigherTimeframeTrend);
    }

    [Fact]
    public void A_series_without_higher_intervals_has_no_higher_timeframe_and_unknown_trends()
    {
        var candles = Line(start: 1_000m, step: 1m, count: 300);

        var context = Run(candles, [])[^1];

        Assert.Equal(MarketRegime.Trending, context.Regime);
        Assert.Null(context.HigherTimeframe);
        Assert.Equal((Trend.Unknown, Trend.Unknown), (context.HigherTimeframeTrend, context.MacroTrend));
    }

    [Fact]
    public void Reset_replays_like_a_fresh_tracker()
    {
        var candles = MarketDataSeries.Candles(Interval.OneMinute).Take(1_500).ToList();
        var higher = new HigherTimeframes(Interval.OneMinute, [FiveMinutes, FifteenMinutes]);
        var tracker = new MarketContextTracker(higher);
        foreach (var candle in candles.Take(700))
        {
            higher.Update(candle);
            tracker.Update(candle);
        }

        higher.Reset();
        tracker.Reset();
        var replayed = candles.Select(candle =>
        {
            higher.Update(candle);
            return tracker.Update(candle);
        }).ToList();

        var fresh = Run(candles);
        Assert.Equal(fresh, replayed);
        Assert.Contains(fresh, context => context.HigherTimeframeTrend != Trend.Unknown);
    }

    private static List<MarketContext> Run(IEnumerable<Candle> candles, Interval[]? intervals = null)
    {
        var higher = new HigherTimeframes(Interval.OneMinute, intervals ?? [FiveMinutes, FifteenMinutes]);
        var tracker = new MarketContextTracker(higher);
        return [.. candles.Select(candle =>
        {
            higher.Update(candle);
            return tracker.Update(candle);
        })];
    }

    // One-minute candles whose close moves by `step` each minute, spanning close ± 1.
    private static List<Candle> Line(decimal start, decimal step, int count) =>
        TestCandles.FromCloses(1m, [.. Enumerable.Range(0, count).Select(index => start + index * step)]);

    // One-minute candles that alternate between rising from 1,000 to 1,000 + amplitude and falling from 1,000 to
    // 1,000 − amplitude: equal directional movement up and down, so no trend.
    private static List<Candle> Zigzag(int count, Func<int, decimal> amplitude) =>
    [
        .. Enumerable.Range(0, count).Select(index =>
        {
            var close = 1_000m + (index % 2 == 0 ? amplitude(index) : -amplitude(index));
            return TestCandles.Create(index, 1_000m, Math.Max(1_000m, close), Math.Min(1_000m, close), close);
        }),
    ];
}
