using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class AverageDirectionalIndexTests : CommonIndicatorTests<AverageDirectionalIndex>
{
    // The DIs are defined from row 14, before the ADX (row 27), and are checked there too.
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("adx_14", adx => adx.Current.Value),
        new("plus_di_14", adx => adx.PlusDi),
        new("minus_di_14", adx => adx.MinusDi),
    ];

    protected override AverageDirectionalIndex CreateIndicator() => new(14);

    protected override bool Update(AverageDirectionalIndex indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_twice_the_period()
    {
        var adx = new AverageDirectionalIndex(14);

        Assert.Equal(("ADX(14)", 28), (adx.Name, adx.WarmUpPeriod));
    }

    [Fact]
    public void First_value_is_the_mean_of_period_dx_values_then_wilder_smoothing()
    {
        var adx = new AverageDirectionalIndex(2);
        adx.Update(TestCandles.Create(0, 9, 10, 8, 9));
        adx.Update(TestCandles.Create(1, 9, 12, 9, 11));
        adx.Update(TestCandles.Create(2, 11, 11, 7, 8));
        adx.Update(TestCandles.Create(3, 8, 13, 8, 12));
        var seed = adx.Current.Value;

        adx.Update(TestCandles.Create(4, 12, 12, 6, 7));

        // Smoothed (+DM, −DM): (1, 2), (2.5, 1), (1.25, 2.5), so DX = 100·|difference|/sum: 100/3, 150/3.5, 125/3.75.
        var (dx1, dx2, dx3) = (100.0 * 1 / 3, 100.0 * 1.5 / 3.5, 100.0 * 1.25 / 3.75);
        Assert.Equal((dx1 + dx2) / 2, seed, 1e-12);
        Assert.Equal((((dx1 + dx2) / 2) + dx3) / 2, adx.Current.Value, 1e-12);
        Assert.Equal(100.0 * 1.25 / 9.875, adx.PlusDi, 1e-12);
        Assert.Equal(100.0 * 2.5 / 9.875, adx.MinusDi, 1e-12);
    }

    [Fact]
    public void Is_zero_with_zero_directional_indicators_when_prices_never_move()
    {
        var adx = new AverageDirectionalIndex(3);

        foreach (var candle in TestCandles.FromCloses(0, 100, 100, 100, 100, 100, 100, 100))
        {
            adx.Update(candle);
        }

        Assert.True(adx.IsReady);
        Assert.Equal((0.0, 0.0, 0.0), (adx.Current.Value, adx.PlusDi, adx.MinusDi));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new AverageDirectionalIndex(period));

        Assert.Equal("period", exception.ParamName);
    }
}
