using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class SuperTrendTests : CommonIndicatorTests<SuperTrend>
{
    // SuperTrend is not in TA-Lib: the expected values come from NaiveReferenceB.
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("supertrend", superTrend => superTrend.Current.Value),
        new("supertrend_uptrend", superTrend => superTrend.IsUptrend ? 1 : 0),
    ];

    protected override SuperTrend CreateIndicator() => new(10, 3);

    protected override bool Update(SuperTrend indicator, Candle candle) => indicator.Update(candle);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var (line, uptrend) = NaiveReferenceB.SuperTrend(file.ReadCandles(), 10, 3);
        return output.Column == "supertrend" ? line : uptrend;
    }

    [Fact]
    public void Is_named_after_its_parameters_and_needs_one_more_candle_than_the_atr_period()
    {
        var superTrend = new SuperTrend(10, 3);

        Assert.Equal(("SUPERTREND(10,3)", 11), (superTrend.Name, superTrend.WarmUpPeriod));
    }

    [Fact]
    public void Starts_in_an_uptrend_on_the_lower_basic_band_when_the_first_close_is_above_hl2()
    {
        var superTrend = new SuperTrend(1, 1);
        superTrend.Update(TestCandles.Create(0, 9, 10, 8, 9));

        var ready = superTrend.Update(TestCandles.Create(1, 11, 12, 10, 11.5m));

        Assert.True(ready);
        Assert.True(superTrend.IsUptrend);
        Assert.Equal(11.0 - 3.0, superTrend.Current.Value);
    }

    [Fact]
    public void Starts_in_a_downtrend_on_the_upper_basic_band_when_the_first_close_is_not_above_hl2()
    {
        var superTrend = new SuperTrend(1, 1);
        superTrend.Update(TestCandles.Create(0, 9, 10, 8, 9));

        superTrend.Update(TestCandles.Create(1, 11, 12, 10, 11));

        Assert.False(superTrend.IsUptrend);
        Assert.Equal(11.0 + 3.0, superTrend.Current.Value);
    }

    [Fact]
    public void Turns_down_when_the_close_falls_below_the_carried_lower_band()
    {
        var superTrend = new SuperTrend(1, 1);
        superTrend.Update(TestCandles.Create(0, 9, 10, 8, 9));
        superTrend.Update(TestCandles.Create(1, 11, 12, 10, 11.5m));

        // ATR 5.5 and hl2 8.5 give a basic lower band of 3, but the lower band cannot fall while closes stay above it: it
        // stays at 8, the close 6.5 is below it, and the line jumps to the upper band, 14.
        superTrend.Update(TestCandles.Create(2, 11, 11, 6, 6.5m));

        Assert.False(superTrend.IsUptrend);
        Assert.Equal(14.0, superTrend.Current.Value);
    }

    [Fact]
    public void Upper_band_falls_with_the_basic_band_but_does_not_rise_while_closes_stay_below_it()
    {
        var superTrend = new SuperTrend(1, 1);
        superTrend.Update(TestCandles.Create(0, 9, 10, 8, 9));
        superTrend.Update(TestCandles.Create(1, 11, 12, 10, 11.5m));
        superTrend.Update(TestCandles.Create(2, 11, 11, 6, 6.5m));

        superTrend.Update(TestCandles.Create(3, 7, 9, 7, 8));
        var lowered = superTrend.Current.Value;
        superTrend.Update(TestCandles.Create(4, 9, 11, 9, 10));

        Assert.Equal(8.0 + 2.5, lowered);
        Assert.Equal(10.5, superTrend.Current.Value);
        Assert.False(superTrend.IsUptrend);
    }

    [Theory]
    [InlineData(0, 3, "period")]
    [InlineData(-1, 3, "period")]
    [InlineData(10, 0, "multiplier")]
    [InlineData(10, double.NaN, "multiplier")]
    public void Rejects_parameters_that_are_not_positive(int period, double multiplier, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new SuperTrend(period, multiplier));

        Assert.Equal(parameter, exception.ParamName);
    }
}
