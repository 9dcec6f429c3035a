using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class DoubleExponentialMovingAverageTests : CommonIndicatorTests<DoubleExponentialMovingAverage>
{
    protected override string ReferenceColumn => "dema_20 (from the definition)";

    protected override DoubleExponentialMovingAverage CreateIndicator() => new(20);

    protected override bool Update(DoubleExponentialMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var average = NaiveReferenceA.Exponential(NaiveReferenceA.Closes(file.ReadCandles()), 20);
        var averageOfAverage = NaiveReferenceA.Exponential(average, 20);
        return NaiveReferenceA.Combine(average, averageOfAverage, (first, second) => (2 * first) - second);
    }

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_twice_the_period_less_one()
    {
        var average = new DoubleExponentialMovingAverage(20);

        Assert.Equal(("DEMA(20)", 39), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Seeds_the_average_of_the_average_with_the_mean_of_its_first_period_inputs()
    {
        var average = new DoubleExponentialMovingAverage(2);
        var start = TestCandles.Start;
        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 3);

        var ready = average.Update(start.AddMinutes(2), 5);

        // EMA: 2 (seed), then 2 + 2/3·(5 − 2) = 4; EMA of EMA: (2 + 4)/2 = 3; DEMA = 2·4 − 3.
        Assert.True(ready);
        Assert.Equal(5.0, average.Current.Value, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new DoubleExponentialMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
