using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class ParabolicSarTests : CommonIndicatorTests<ParabolicSar>
{
    protected override string ReferenceColumn => "psar_002_02";

    protected override ParabolicSar CreateIndicator() => new(0.02, 0.2);

    protected override bool Update(ParabolicSar indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_acceleration_and_maximum_and_needs_two_candles()
    {
        var sar = new ParabolicSar();

        Assert.Equal(("SAR(0.02,0.2)", 2), (sar.Name, sar.WarmUpPeriod));
    }

    [Fact]
    public void Starts_long_at_the_first_low_unless_the_second_candle_has_minus_dm()
    {
        var sar = new ParabolicSar();
        sar.Update(TestCandles.Create(0, 9, 10, 8, 9));

        var ready = sar.Update(TestCandles.Create(1, 10, 11, 9, 10));

        Assert.True(ready);
        Assert.True(sar.IsLong);
        Assert.Equal(8.0, sar.Current.Value);
    }

    [Fact]
    public void Starts_short_at_the_first_high_when_the_second_candle_has_minus_dm()
    {
        var sar = new ParabolicSar();
        sar.Update(TestCandles.Create(0, 9, 10, 8, 9));

        sar.Update(TestCandles.Create(1, 8, 9, 6, 7));

        Assert.False(sar.IsLong);
        Assert.Equal(10.0, sar.Current.Value);
    }

    [Fact]
    public void Moves_towards_the_extreme_point_by_the_acceleration_factor()
    {
        var sar = new ParabolicSar();
        sar.Update(TestCandles.Create(0, 9, 10, 8, 9));
        sar.Update(TestCandles.Create(1, 10, 11, 9, 10));

        sar.Update(TestCandles.Create(2, 10, 11, 9.5m, 10));

        Assert.Equal(8.0 + (0.02 * (11 - 8)), sar.Current.Value, 1e-12);
    }

    [Fact]
    public void Reverses_to_the_extreme_point_when_a_low_touches_the_sar()
    {
        var sar = new ParabolicSar();
        sar.Update(TestCandles.Create(0, 9, 10, 8, 9));
        sar.Update(TestCandles.Create(1, 10, 11, 9, 10));

        sar.Update(TestCandles.Create(2, 10, 10.5m, 8, 8.5m));

        Assert.False(sar.IsLong);
        Assert.Equal(11.0, sar.Current.Value);
    }

    [Theory]
    [InlineData(0, 0.2, "acceleration")]
    [InlineData(double.NaN, 0.2, "acceleration")]
    [InlineData(0.02, 0.01, "maximum")]
    [InlineData(0.02, double.PositiveInfinity, "maximum")]
    public void Rejects_an_acceleration_that_is_not_positive_or_a_maximum_below_it(double acceleration, double maximum, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new ParabolicSar(acceleration, maximum));

        Assert.Equal(parameter, exception.ParamName);
    }
}
