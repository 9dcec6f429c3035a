using Trading.CandleBuilder.Persistence;
using Trading.Markets;

namespace Trading.CandleBuilder.Tests;

public sealed class OpenCandleRowTests
{
    private static readonly DateTimeOffset Minute = new(2025, 11, 10, 17, 23, 0, TimeSpan.Zero);

    [Fact]
    public void Restoring_a_captured_row_continues_exactly_where_the_aggregator_stopped()
    {
        var original = new List<Candle>();
        var aggregator = new CandleAggregator(Interval.OneMinute, original.Add);
        aggregator.Update(Minute.AddSeconds(10), 100m, 1m);
        aggregator.Update(Minute.AddMinutes(1).AddSeconds(5), 101m, 2m);
        aggregator.Update(Minute.AddMinutes(1).AddSeconds(50), 99.5m, 0.5m);
        var row = OpenCandleRow.Capture("KRAKEN", "BTC/USD", aggregator, Minute.AddMinutes(1).AddSeconds(50), Minute.AddYears(1));

        var restoredCandles = new List<Candle>();
        var restored = new CandleAggregator(Interval.Parse(row.Interval), restoredCandles.Add);
        row.RestoreInto(restored);
        aggregator.Update(Minute.AddMinutes(4), 102m, 1m);
        restored.Update(Minute.AddMinutes(4), 102m, 1m);

        Assert.Equal(original.Skip(1), restoredCandles);
        Assert.Equal(aggregator.OpenCandle, restored.OpenCandle);
        Assert.Equal(3, restoredCandles.Count);
    }

    [Fact]
    public void Captures_the_market_clock_and_the_open_candle_as_utc()
    {
        var aggregator = new CandleAggregator(Interval.OneMinute, _ => { });
        aggregator.Update(Minute.AddSeconds(10), 100m, 1m);

        var row = OpenCandleRow.Capture("KRAKEN", "BTC/USD", aggregator, Minute.AddSeconds(10), Minute.AddYears(1));

        Assert.Equal("1m", row.Interval);
        Assert.Equal(DateTimeKind.Utc, row.OpenedAt!.Value.Kind);
        Assert.Equal(Minute.UtcDateTime, row.OpenedAt);
        Assert.Equal(Minute.AddSeconds(10).UtcDateTime, row.LastTradeAt);
        Assert.Equal(Minute.AddYears(1).UtcDateTime, row.LastTradeReceivedAt);
        Assert.Null(row.ClosedUntil);
        Assert.Null(row.LastClose);
    }

    [Fact]
    public void A_row_without_an_open_candle_still_fills_quiet_intervals_from_the_last_close()
    {
        var row = new OpenCandleRow
        {
            Venue = "KRAKEN",
            Symbol = "BTC/USD",
            Interval = "1m",
            ClosedUntil = Minute.UtcDateTime,
            LastClose = 100m,
        };
        var closed = new List<Candle>();
        var aggregator = new CandleAggregator(Interval.OneMinute, closed.Add);

        row.RestoreInto(aggregator);
        aggregator.Scan(Minute.AddMinutes(2));

        Assert.Null(row.ToOpenCandle());
        Assert.Equal([Minute, Minute.AddMinutes(1)], closed.Select(c => c.OpenedAt));
        Assert.All(closed, c => Assert.True(c.IsSynthetic));
    }
}
