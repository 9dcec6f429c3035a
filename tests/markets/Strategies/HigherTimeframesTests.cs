using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Strategies;

public sealed class HigherTimeframesTests
{
    private static readonly Interval FiveMinutes = Interval.Parse("5m");
    private static readonly Interval OneHour = Interval.Parse("1h");

    [Fact]
    public void Higher_candles_equal_those_aggregated_straight_from_the_trades()
    {
        var trades = TestData.ReadTrades("xrpeth-binance-trades-20191011-20191013.csv");
        var oneMinute = new List<Candle>();
        var (direct5m, direct1h) = (new List<Candle>(), new List<Candle>());
        var aggregators = new[]
        {
            new CandleAggregator(Interval.OneMinute, oneMinute.Add),
            new CandleAggregator(FiveMinutes, direct5m.Add),
            new CandleAggregator(OneHour, direct1h.Add),
        };
        foreach (var trade in trades)
        {
            foreach (var aggregator in aggregators)
            {
                aggregator.Update(trade.Time, trade.Price, trade.Size, trade.Side);
            }
        }

        var higher = new HigherTimeframes(Interval.OneMinute, [OneHour, FiveMinutes], keep: 10_000);
        foreach (var candle in oneMinute)
        {
            higher.Update(candle);
        }

        var firstOpenedAt = oneMinute[0].OpenedAt;
        Assert.Contains(oneMinute, candle => candle.IsSynthetic);
        Assert.True(direct1h.Count > 48);
        Assert.Equal(direct5m.Where(candle => candle.OpenedAt >= firstOpenedAt), higher.Closed(FiveMinutes));
        Assert.Equal(direct1h.Where(candle => candle.OpenedAt >= firstOpenedAt), higher.Closed(OneHour));
    }

    [Fact]
    public void Hour_candles_from_five_minute_candles_equal_those_merged_from_one_minute_candles()
    {
        var oneMinute = MarketDataSeries.Candles(Interval.OneMinute);
        var fiveMinutes = MarketDataSeries.Aggregate(oneMinute, FiveMinutes);
        var higher = new HigherTimeframes(FiveMinutes, [OneHour], keep: 1_000);

        foreach (var candle in fiveMinutes)
        {
            higher.Update(candle);
        }

        var direct = MarketDataSeries.Aggregate(oneMinute, OneHour);
        Assert.True(direct.Count > 300);
        Assert.Equal(direct.Where(candle => candle.ClosedAt <= fiveMinutes[^1].ClosedAt), higher.Closed(OneHour));
    }

    [Fact]
    public void Drops_the_first_higher_candle_when_the_series_starts_inside_it()
    {
        var fromSeven = Rising(7, 120);
        var fromZero = Rising(0, 120);

        var partial = Feed(new HigherTimeframes(Interval.OneMinute, [FiveMinutes, OneHour]), fromSeven);
        var whole = Feed(new HigherTimeframes(Interval.OneMinute, [FiveMinutes, OneHour]), fromZero);

        Assert.Equal([TestCandles.Start.AddHours(1)], partial.Closed(OneHour).Select(candle => candle.OpenedAt));
        Assert.Equal([TestCandles.Start, TestCandles.Start.AddHours(1)], whole.Closed(OneHour).Select(candle => candle.OpenedAt));
        Assert.Equal(TestCandles.Start.AddMinutes(10), partial.Closed(FiveMinutes)[0].OpenedAt);
        Assert.Equal(TestCandles.Start, whole.Closed(FiveMinutes)[0].OpenedAt);
    }

    [Fact]
    public void A_higher_candle_is_visible_exactly_from_the_close_of_the_base_candle_that_ends_it()
    {
        var candles = Rising(0, 60);
        var higher = new HigherTimeframes(Interval.OneMinute, [FiveMinutes, OneHour]);

        var lastHourAfter = new List<DateTimeOffset?>();
        var fiveMinuteCounts = new List<int>();
        foreach (var candle in candles)
        {
            higher.Update(candle);
            lastHourAfter.Add(higher.Last(OneHour)?.OpenedAt);
            fiveMinuteCounts.Add(higher.Closed(FiveMinutes).Count);
        }

        Assert.All(lastHourAfter.Take(59), Assert.Null);
        Assert.Equal(TestCandles.Start, lastHourAfter[59]);
        Assert.Equal(new[] { 0, 0, 0, 0, 1, 1, 1, 1, 1, 2 }, fiveMinuteCounts.Take(10));
        Assert.Equal(candles[4].ClosedAt, higher.Closed(FiveMinutes)[0].ClosedAt);
    }

    [Theory]
    [InlineData("1m", new[] { "5m", "1h" })]
    [InlineData("2m", new[] { "30m", "4h" })]
    [InlineData("5m", new[] { "15m", "4h" })]
    [InlineData("15m", new[] { "1h", "1d" })]
    [InlineData("30m", new[] { "4h", "1d" })]
    [InlineData("1h", new[] { "4h", "1d" })]
    [InlineData("4h", new[] { "1d" })]
    [InlineData("1d", new string[0])]
    public void Defaults_follow_the_confirmation_and_macro_intervals(string code, string[] expected)
    {
        var defaults = HigherTimeframes.DefaultsFor(Interval.Parse(code));

        Assert.Equal(expected, defaults.Select(interval => interval.Code));
    }

    [Fact]
    public void Refuses_an_interval_that_is_not_a_longer_multiple_of_the_base()
    {
        var exception = Assert.Throws<ArgumentException>(() => new HigherTimeframes(Interval.Parse("2m"), [FiveMinutes]));

        Assert.Equal("intervals", exception.ParamName);
    }

    [Fact]
    public void Keeps_only_the_last_candles_of_each_interval_oldest_first()
    {
        var higher = Feed(new HigherTimeframes(Interval.OneMinute, [FiveMinutes], keep: 3), Rising(0, 30));

        Assert.Equal(
            [TestCandles.Start.AddMinutes(15), TestCandles.Start.AddMinutes(20), TestCandles.Start.AddMinutes(25)],
            higher.Closed(FiveMinutes).Select(candle => candle.OpenedAt));
        Assert.Empty(higher.Closed(OneHour));
        Assert.Null(higher.Last(OneHour));
    }

    [Fact]
    public void Reset_forgets_every_candle_and_replays_like_a_fresh_instance()
    {
        var candles = MarketDataSeries.Candles(Interval.OneMinute).Take(600).ToList();
        var higher = Feed(new HigherTimeframes(Interval.OneMinute, [FiveMinutes, OneHour]), candles.Skip(300));

        higher.Reset();
        var emptyAfterReset = higher.Closed(FiveMinutes).Count + higher.Closed(OneHour).Count;
        Feed(higher, candles);
        var fresh = Feed(new HigherTimeframes(Interval.OneMinute, [FiveMinutes, OneHour]), candles);

        Assert.Equal(0, emptyAfterReset);
        Assert.NotEmpty(fresh.Closed(OneHour));
        Assert.Equal(fresh.Closed(FiveMinutes), higher.Closed(FiveMinutes));
        Assert.Equal(fresh.Closed(OneHour), higher.Closed(OneHour));
    }

    private static HigherTimeframes Feed(HigherTimeframes higher, IEnumerable<Candle> candles)
    {
        foreach (var candle in candles)
        {
            higher.Update(candle);
        }

        return higher;
    }

    // One-minute candles from minute `first`, `count` of them, each a point higher than the one before.
    private static List<Candle> Rising(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(minute => TestCandles.Create(minute, 100 + minute, 101 + minute, 99 + minute, 100 + minute))];
}
