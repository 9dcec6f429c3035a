using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class TrueRangeTests : CommonIndicatorTests<TrueRange>
{
    protected override string ReferenceColumn => "trange";

    protected override TrueRange CreateIndicator() => new();

    protected override bool Update(TrueRange indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void First_candle_gives_no_value_because_it_has_no_previous_close()
    {
        var trueRange = new TrueRange();

        var ready = trueRange.Update(TestCandles.Create(0, 100, 110, 90, 105));

        Assert.False(ready);
        Assert.Equal(("TR", 2, 1L), (trueRange.Name, trueRange.WarmUpPeriod, trueRange.Samples));
    }

    [Theory]
    [InlineData(104, 99, 5)]
    [InlineData(110, 105, 10)]
    [InlineData(96, 94, 6)]
    public void Is_the_widest_of_the_range_and_the_gaps_from_the_previous_close(double high, double low, double expected)
    {
        var trueRange = new TrueRange();
        trueRange.Update(TestCandles.Create(0, 100, 100, 100, 100));

        trueRange.Update(TestCandles.Create(1, (decimal)low, (decimal)high, (decimal)low, (decimal)low));

        Assert.Equal(expected, trueRange.Current.Value);
    }
}
