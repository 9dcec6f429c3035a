using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class VolumeWeightedMovingAverageTests : CommonIndicatorTests<VolumeWeightedMovingAverage>
{
    protected override string ReferenceColumn => "vwma_20 (from the definition)";

    protected override VolumeWeightedMovingAverage CreateIndicator() => new(20);

    protected override bool Update(VolumeWeightedMovingAverage indicator, Candle candle) => indicator.Update(candle);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output) =>
        NaiveReferenceA.VolumeWeighted(file.ReadCandles(), 20);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var average = new VolumeWeightedMovingAverage(20);

        Assert.Equal(("VWMA(20)", 20), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Weighs_each_close_by_its_volume()
    {
        var average = new VolumeWeightedMovingAverage(2);
        average.Update(TestCandles.Create(0, 10, 10, 10, 10) with { Volume = 1m });
        average.Update(TestCandles.Create(1, 20, 20, 20, 20) with { Volume = 3m });
        var first = average.Current.Value;

        average.Update(TestCandles.Create(2, 40, 40, 40, 40) with { Volume = 0m });

        Assert.Equal((10.0 + 60) / 4, first);
        Assert.Equal(20.0, average.Current.Value);
    }

    [Fact]
    public void Is_the_mean_close_when_the_window_has_no_volume()
    {
        var average = new VolumeWeightedMovingAverage(2);
        average.Update(TestCandles.Create(0, 10, 10, 10, 10) with { Volume = 5m });
        average.Update(TestCandles.Create(1, 10, 10, 10, 10, isSynthetic: true));

        average.Update(TestCandles.Create(2, 20, 20, 20, 20, isSynthetic: true));

        Assert.Equal(15.0, average.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeWeightedMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
