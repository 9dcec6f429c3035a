using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class HullMovingAverageTests : CommonIndicatorTests<HullMovingAverage>
{
    protected override string ReferenceColumn => "hma_20 (from the definition)";

    protected override HullMovingAverage CreateIndicator() => new(20);

    protected override bool Update(HullMovingAverage indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var closes = NaiveReferenceA.Closes(file.ReadCandles());
        var difference = NaiveReferenceA.Combine(
            NaiveReferenceA.Weighted(closes, 10), NaiveReferenceA.Weighted(closes, 20), (half, full) => (2 * half) - full);
        return NaiveReferenceA.Weighted(difference, 4);
    }

    [Theory]
    [InlineData(20, "HMA(20)", 23)]
    [InlineData(16, "HMA(16)", 19)]
    [InlineData(2, "HMA(2)", 2)]
    public void Warms_up_over_the_period_plus_its_whole_square_root_less_one(int period, string name, int warmUp)
    {
        var average = new HullMovingAverage(period);

        Assert.Equal((name, warmUp), (average.Name, average.WarmUpPeriod));
    }

    [Fact]
    public void Follows_a_straight_line_without_lag()
    {
        var average = new HullMovingAverage(4);
        var start = TestCandles.Start;

        var readiness = Enumerable.Range(1, 5).Select(i => average.Update(start.AddMinutes(i), i)).ToList();

        // Differences 2·WMA(2) − WMA(4): 13/3 at 4, 16/3 at 5; their WMA(2) is (13/3 + 2·16/3)/3.
        Assert.Equal([false, false, false, false, true], readiness);
        Assert.Equal(5.0, average.Current.Value, 1e-12);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-4)]
    public void Rejects_a_period_below_two_whose_half_would_be_empty(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new HullMovingAverage(period));

        Assert.Equal("period", exception.ParamName);
    }
}
