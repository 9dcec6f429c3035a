using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class WilliamsPercentRangeTests : CommonIndicatorTests<WilliamsPercentRange>
{
    protected override string ReferenceColumn => "willr_14";

    protected override WilliamsPercentRange CreateIndicator() => new(14);

    protected override bool Update(WilliamsPercentRange indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var willr = new WilliamsPercentRange(14);

        Assert.Equal(("WILLR(14)", 14), (willr.Name, willr.WarmUpPeriod));
    }

    [Fact]
    public void Places_the_close_in_the_range_of_the_last_period_candles_from_minus_100_to_0()
    {
        var willr = new WilliamsPercentRange(3);
        willr.Update(TestCandles.Create(0, 7, 10, 5, 7));
        willr.Update(TestCandles.Create(1, 7, 12, 6, 8));

        var ready = willr.Update(TestCandles.Create(2, 8, 11, 4, 8));

        Assert.True(ready);
        Assert.Equal(-100.0 * (12 - 8) / (12 - 4), willr.Current.Value);
    }

    [Fact]
    public void Is_zero_when_the_range_is_flat()
    {
        var willr = new WilliamsPercentRange(2);

        foreach (var candle in TestCandles.FromCloses(0, 100, 100))
        {
            willr.Update(candle);
        }

        Assert.True(willr.IsReady);
        Assert.Equal(0.0, willr.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new WilliamsPercentRange(period));

        Assert.Equal("period", exception.ParamName);
    }
}
