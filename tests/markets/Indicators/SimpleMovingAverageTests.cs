using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class SimpleMovingAverageTests : CommonIndicatorTests<SimpleMovingAverage>
{
    protected override string ReferenceColumn => "sma_20";

    protected override SimpleMovingAverage CreateIndicator() => new(20);

    protected override bool Update(SimpleMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var average = new SimpleMovingAverage(20);

        Assert.Equal(("SMA(20)", 20), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Averages_the_last_period_inputs()
    {
        var average = new SimpleMovingAverage(3);
        var start = TestCandles.Start;

        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 2);
        average.Update(start.AddMinutes(2), 3);
        var first = average.Current.Value;
        average.Update(start.AddMinutes(3), 10);

        Assert.Equal(2.0, first);
        Assert.Equal(5.0, average.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new SimpleMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_input_that_is_not_finite(double value)
    {
        var average = new SimpleMovingAverage(3);

        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => average.Update(TestCandles.Start, value));

        Assert.Equal("value", exception.ParamName);
        Assert.Equal(0, average.Samples);
    }
}
