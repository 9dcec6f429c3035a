using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class RateOfChangeTests : CommonIndicatorTests<RateOfChange>
{
    protected override string ReferenceColumn => "roc_10 (from the definition)";

    protected override RateOfChange CreateIndicator() => new(10);

    protected override bool Update(RateOfChange indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output) =>
        NaiveReferenceA.RateOfChange(NaiveReferenceA.Closes(file.ReadCandles()), 10);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_input_than_the_period()
    {
        var rate = new RateOfChange(10);

        Assert.Equal(("ROC(10)", 11), (rate.Name, rate.WarmUpPeriod));
    }

    [Fact]
    public void Is_the_percentage_change_from_the_input_period_inputs_ago()
    {
        var rate = new RateOfChange(2);
        var start = TestCandles.Start;
        rate.Update(start, 100);
        rate.Update(start.AddMinutes(1), 50);
        rate.Update(start.AddMinutes(2), 120);
        var first = rate.Current.Value;

        rate.Update(start.AddMinutes(3), 40);

        Assert.Equal(20.0, first, 1e-12);
        Assert.Equal(-20.0, rate.Current.Value, 1e-12);
    }

    [Fact]
    public void Is_zero_when_the_old_input_is_zero()
    {
        var rate = new RateOfChange(1);
        var start = TestCandles.Start;
        rate.Update(start, 0);

        var ready = rate.Update(start.AddMinutes(1), 5);

        Assert.True(ready);
        Assert.Equal(0.0, rate.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RateOfChange(period));

        Assert.Equal("period", exception.ParamName);
    }
}
