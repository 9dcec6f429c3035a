using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class SmoothedMovingAverageTests : CommonIndicatorTests<SmoothedMovingAverage>
{
    protected override string ReferenceColumn => "smma_14 (from the definition)";

    protected override SmoothedMovingAverage CreateIndicator() => new(14);

    protected override bool Update(SmoothedMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output) =>
        NaiveReferenceA.Wilder(NaiveReferenceA.Closes(file.ReadCandles()), 14);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var average = new SmoothedMovingAverage(14);

        Assert.Equal(("SMMA(14)", 14), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void First_value_is_the_simple_average_then_each_input_weighs_one_over_period()
    {
        var average = new SmoothedMovingAverage(3);
        var start = TestCandles.Start;
        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 2);
        average.Update(start.AddMinutes(2), 6);
        var seed = average.Current.Value;

        average.Update(start.AddMinutes(3), 9);

        Assert.Equal(3.0, seed);
        Assert.Equal(((3.0 * 2) + 9) / 3, average.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new SmoothedMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
