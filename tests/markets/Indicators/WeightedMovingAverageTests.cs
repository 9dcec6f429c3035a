using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class WeightedMovingAverageTests : CommonIndicatorTests<WeightedMovingAverage>
{
    protected override string ReferenceColumn => "wma_20";

    protected override WeightedMovingAverage CreateIndicator() => new(20);

    protected override bool Update(WeightedMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var average = new WeightedMovingAverage(20);

        Assert.Equal(("WMA(20)", 20), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Weighs_the_newest_input_by_the_period_and_the_oldest_by_one()
    {
        var average = new WeightedMovingAverage(3);
        var start = TestCandles.Start;

        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 2);
        average.Update(start.AddMinutes(2), 6);
        var first = average.Current.Value;
        average.Update(start.AddMinutes(3), 4);

        Assert.Equal((1 + (2 * 2) + (3 * 6)) / 6.0, first);
        Assert.Equal((2 + (2 * 6) + (3 * 4)) / 6.0, average.Current.Value);
    }

    [Fact]
    public void Stays_exact_over_many_wraps_of_its_window()
    {
        var average = new WeightedMovingAverage(3);
        var start = TestCandles.Start;

        for (var i = 0; i < 100_000; i++)
        {
            average.Update(start.AddMinutes(i), 46_000.1 + (i % 7 * 0.1));
        }

        var last = Enumerable.Range(99_997, 3).Select(i => 46_000.1 + (i % 7 * 0.1)).ToArray();
        Assert.Equal((last[0] + (2 * last[1]) + (3 * last[2])) / 6, average.Current.Value, 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
