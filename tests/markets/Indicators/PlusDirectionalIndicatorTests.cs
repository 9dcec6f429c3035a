using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class PlusDirectionalIndicatorTests : CommonIndicatorTests<PlusDirectionalIndicator>
{
    protected override string ReferenceColumn => "plus_di_14";

    protected override PlusDirectionalIndicator CreateIndicator() => new(14);

    protected override bool Update(PlusDirectionalIndicator indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_candle_than_the_period()
    {
        var plusDi = new PlusDirectionalIndicator(14);

        Assert.Equal(("+DI(14)", 15), (plusDi.Name, plusDi.WarmUpPeriod));
    }

    [Fact]
    public void First_value_sums_period_minus_one_movements_then_takes_one_wilder_step()
    {
        var plusDi = new PlusDirectionalIndicator(2);
        plusDi.Update(TestCandles.Create(0, 9, 10, 8, 9));
        plusDi.Update(TestCandles.Create(1, 9, 12, 9, 11));

        var ready = plusDi.Update(TestCandles.Create(2, 11, 11, 7, 8));

        // Sums after candle 2: +DM 2, TR 3. Candle 3 has no +DM and TR 4: +DM 2 − 2/2 + 0 = 1, TR 3 − 3/2 + 4 = 5.5.
        Assert.True(ready);
        Assert.Equal(100.0 * 1 / 5.5, plusDi.Current.Value, 1e-12);
    }

    [Fact]
    public void Is_zero_when_the_true_range_is_zero()
    {
        var plusDi = new PlusDirectionalIndicator(2);

        foreach (var candle in TestCandles.FromCloses(0, 100, 100, 100, 100))
        {
            plusDi.Update(candle);
        }

        Assert.Equal(0.0, plusDi.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new PlusDirectionalIndicator(period));

        Assert.Equal("period", exception.ParamName);
    }
}
