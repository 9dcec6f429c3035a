using Trading.Markets.Strategies;
using Trading.Signal.Strategies;

namespace Trading.Signal.Tests;

public sealed class SeriesStrategyTests
{
    [Fact]
    public void Accepts_any_candle_before_the_first()
    {
        var series = new SeriesStrategy(new EmaCrossStrategy(new EmaCrossOptions()));

        var accepts = series.Accepts(TestCandles.Create(5, 100m));

        Assert.True(accepts);
        Assert.False(series.IsGapBefore(TestCandles.Create(5, 100m)));
    }

    [Fact]
    public void Refuses_a_candle_opened_at_or_before_the_last_one()
    {
        var series = new SeriesStrategy(new EmaCrossStrategy(new EmaCrossOptions()));
        series.Update(TestCandles.Create(5, 100m));

        var same = series.Accepts(TestCandles.Create(5, 101m));
        var older = series.Accepts(TestCandles.Create(4, 101m));

        Assert.False(same);
        Assert.False(older);
    }

    [Fact]
    public void Ignores_a_refused_candle()
    {
        var series = new SeriesStrategy(new EmaCrossStrategy(new EmaCrossOptions()));
        series.Update(TestCandles.Create(5, 100m));

        var signal = series.Update(TestCandles.Create(4, 101m));

        Assert.Null(signal);
        Assert.Equal(1, series.Samples);
        Assert.Equal(TestCandles.Create(5, 100m).OpenedAt, series.LastOpenedAt);
    }

    [Fact]
    public void Sees_a_gap_when_the_next_candle_does_not_open_where_the_last_closed()
    {
        var series = new SeriesStrategy(new EmaCrossStrategy(new EmaCrossOptions()));
        series.Update(TestCandles.Create(5, 100m));

        var next = series.IsGapBefore(TestCandles.Create(6, 100m));
        var gapped = series.IsGapBefore(TestCandles.Create(8, 100m));

        Assert.False(next);
        Assert.True(gapped);
    }
}
