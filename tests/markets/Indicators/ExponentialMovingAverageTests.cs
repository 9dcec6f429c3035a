using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class ExponentialMovingAverageTests : CommonIndicatorTests<ExponentialMovingAverage>
{
    protected override string ReferenceColumn => "ema_20";

    protected override ExponentialMovingAverage CreateIndicator() => new(20);

    protected override bool Update(ExponentialMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var average = new ExponentialMovingAverage(20);

        Assert.Equal(("EMA(20)", 20), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void First_value_is_the_simple_average_of_the_first_period_inputs()
    {
        var average = new ExponentialMovingAverage(3);
        var start = TestCandles.Start;

        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 2);
        var ready = average.Update(start.AddMinutes(2), 6);

        Assert.True(ready);
        Assert.Equal(3.0, average.Current.Value);
    }

    [Fact]
    public void After_the_seed_moves_towards_each_input_by_two_over_period_plus_one()
    {
        var average = new ExponentialMovingAverage(3);
        var start = TestCandles.Start;
        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 2);
        average.Update(start.AddMinutes(2), 6);

        average.Update(start.AddMinutes(3), 11);

        Assert.Equal(3.0 + 0.5 * (11 - 3), average.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
