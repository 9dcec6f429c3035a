using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class TripleExponentialMovingAverageTests : CommonIndicatorTests<TripleExponentialMovingAverage>
{
    protected override string ReferenceColumn => "tema_20 (from the definition)";

    protected override TripleExponentialMovingAverage CreateIndicator() => new(20);

    protected override bool Update(TripleExponentialMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var first = NaiveReferenceA.Exponential(NaiveReferenceA.Closes(file.ReadCandles()), 20);
        var second = NaiveReferenceA.Exponential(first, 20);
        var third = NaiveReferenceA.Exponential(second, 20);
        var firstTwo = NaiveReferenceA.Combine(first, second, (e1, e2) => (3 * e1) - (3 * e2));
        return NaiveReferenceA.Combine(firstTwo, third, (sum, e3) => sum + e3);
    }

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_three_periods_less_two()
    {
        var average = new TripleExponentialMovingAverage(20);

        Assert.Equal(("TEMA(20)", 58), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Follows_a_straight_line_without_lag_once_each_average_is_seeded_with_its_simple_mean()
    {
        var average = new TripleExponentialMovingAverage(2);
        var start = TestCandles.Start;
        average.Update(start, 1);
        average.Update(start.AddMinutes(1), 3);
        average.Update(start.AddMinutes(2), 5);

        var ready = average.Update(start.AddMinutes(3), 7);

        // e1: 2, 4, 6; e2: (2 + 4)/2 = 3, then 3 + 2/3·(6 − 3) = 5; e3: (3 + 5)/2 = 4; TEMA = 3·6 − 3·5 + 4.
        Assert.True(ready);
        Assert.Equal(7.0, average.Current.Value, 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new TripleExponentialMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
