using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class AverageTrueRangeTests : CommonIndicatorTests<AverageTrueRange>
{
    protected override string ReferenceColumn => "atr_14";

    protected override AverageTrueRange CreateIndicator() => new(14);

    protected override bool Update(AverageTrueRange indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_candle_than_the_period()
    {
        var atr = new AverageTrueRange(14);

        Assert.Equal(("ATR(14)", 15), (atr.Name, atr.WarmUpPeriod));
    }

    [Fact]
    public void First_value_is_the_mean_true_range_of_candles_one_to_period_then_wilder_smoothing()
    {
        var atr = new AverageTrueRange(2);
        atr.Update(TestCandles.Create(0, 100, 100, 100, 100));
        atr.Update(TestCandles.Create(1, 100, 104, 100, 102));
        atr.Update(TestCandles.Create(2, 102, 104, 102, 103));
        var seed = atr.Current.Value;

        atr.Update(TestCandles.Create(3, 103, 111, 103, 110));

        Assert.Equal((4.0 + 2.0) / 2, seed);
        Assert.Equal((3.0 * 1 + 8.0) / 2, atr.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new AverageTrueRange(period));

        Assert.Equal("period", exception.ParamName);
    }
}
