using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class CommodityChannelIndexTests : CommonIndicatorTests<CommodityChannelIndex>
{
    protected override string ReferenceColumn => "cci_20";

    protected override CommodityChannelIndex CreateIndicator() => new();

    protected override bool Update(CommodityChannelIndex indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var cci = new CommodityChannelIndex();

        Assert.Equal(("CCI(20)", 20), (cci.Name, cci.WarmUpPeriod));
    }

    [Fact]
    public void Divides_the_distance_from_the_average_by_the_mean_deviation_times_0_015()
    {
        var cci = new CommodityChannelIndex(3);

        cci.Update(TestCandles.Create(0, 1, 1, 1, 1));
        cci.Update(TestCandles.Create(1, 2, 2, 2, 2));
        cci.Update(TestCandles.Create(2, 6, 9, 3, 6));

        // Typical prices 1, 2, 6: average 3, mean deviation (2 + 1 + 3)/3 = 2, CCI = (6 − 3)/(0.015·2).
        Assert.Equal(100.0, cci.Current.Value, 1e-9);
    }

    [Fact]
    public void Is_zero_when_the_typical_prices_do_not_move()
    {
        var cci = new CommodityChannelIndex(3);

        var readiness = TestCandles.FromCloses(0.5m, 611.78m, 611.78m, 611.78m).Select(cci.Update).ToList();

        Assert.Equal([false, false, true], readiness);
        Assert.Equal(0.0, cci.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new CommodityChannelIndex(period));

        Assert.Equal("period", exception.ParamName);
    }
}
