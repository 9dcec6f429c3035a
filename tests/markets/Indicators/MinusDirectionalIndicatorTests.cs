using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class MinusDirectionalIndicatorTests : CommonIndicatorTests<MinusDirectionalIndicator>
{
    protected override string ReferenceColumn => "minus_di_14";

    protected override MinusDirectionalIndicator CreateIndicator() => new(14);

    protected override bool Update(MinusDirectionalIndicator indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_candle_than_the_period()
    {
        var minusDi = new MinusDirectionalIndicator(14);

        Assert.Equal(("-DI(14)", 15), (minusDi.Name, minusDi.WarmUpPeriod));
    }

    [Fact]
    public void First_value_sums_period_minus_one_movements_then_takes_one_wilder_step()
    {
        var minusDi = new MinusDirectionalIndicator(2);
        minusDi.Update(TestCandles.Create(0, 9, 10, 8, 9));
        minusDi.Update(TestCandles.Create(1, 9, 12, 9, 11));

        var ready = minusDi.Update(TestCandles.Create(2, 11, 11, 7, 8));

        // Sums after candle 2: −DM 0, TR 3. Candle 3 has −DM 2 and TR 4: −DM 0 − 0 + 2 = 2, TR 3 − 3/2 + 4 = 5.5.
        Assert.True(ready);
        Assert.Equal(100.0 * 2 / 5.5, minusDi.Current.Value, 1e-12);
    }

    [Fact]
    public void Counts_no_movement_when_the_up_and_down_moves_are_equal()
    {
        var minusDi = new MinusDirectionalIndicator(1);
        minusDi.Update(TestCandles.Create(0, 10, 11, 9, 10));

        minusDi.Update(TestCandles.Create(1, 10, 12, 8, 10));

        Assert.Equal(0.0, minusDi.Current.Value);
    }

    [Fact]
    public void Is_zero_when_the_true_range_is_zero()
    {
        var minusDi = new MinusDirectionalIndicator(2);

        foreach (var candle in TestCandles.FromCloses(0, 100, 100, 100, 100))
        {
            minusDi.Update(candle);
        }

        Assert.Equal(0.0, minusDi.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new MinusDirectionalIndicator(period));

        Assert.Equal("period", exception.ParamName);
    }
}
