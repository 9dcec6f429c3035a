using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class AroonTests : CommonIndicatorTests<Aroon>
{
    // TA-Lib's AROON is not in the reference files: the expected values come from NaiveReferenceB.
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("aroon_oscillator", aroon => aroon.Current.Value),
        new("aroon_up", aroon => aroon.Up),
        new("aroon_down", aroon => aroon.Down),
    ];

    protected override Aroon CreateIndicator() => new(25);

    protected override bool Update(Aroon indicator, Candle candle) => indicator.Update(candle);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var (up, down) = NaiveReferenceB.Aroon(file.ReadCandles(), 25);
        return output.Column switch
        {
            "aroon_up" => up,
            "aroon_down" => down,
            _ => up.Zip(down, (u, d) => u - d).ToList(),
        };
    }

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_candle_than_the_period()
    {
        var aroon = new Aroon(25);

        Assert.Equal(("AROON(25)", 26), (aroon.Name, aroon.WarmUpPeriod));
    }

    [Fact]
    public void Up_and_down_count_the_candles_since_the_extreme_and_current_is_their_difference()
    {
        var aroon = new Aroon(4);
        aroon.Update(TestCandles.Create(0, 10, 11, 9, 10));
        aroon.Update(TestCandles.Create(1, 10, 15, 9, 10));
        aroon.Update(TestCandles.Create(2, 10, 12, 9, 10));
        aroon.Update(TestCandles.Create(3, 10, 11, 7, 10));

        var ready = aroon.Update(TestCandles.Create(4, 10, 11, 8, 10));

        Assert.True(ready);
        Assert.Equal((100.0 * (4 - 3) / 4, 100.0 * (4 - 1) / 4), (aroon.Up, aroon.Down));
        Assert.Equal(25.0 - 75.0, aroon.Current.Value);
    }

    [Fact]
    public void Of_equal_highs_and_lows_the_most_recent_counts_as_ta_lib_does()
    {
        var aroon = new Aroon(2);
        aroon.Update(TestCandles.Create(0, 10, 12, 8, 10));
        aroon.Update(TestCandles.Create(1, 10, 12, 8, 10));

        aroon.Update(TestCandles.Create(2, 10, 11, 9, 10));

        Assert.Equal((50.0, 50.0), (aroon.Up, aroon.Down));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-25)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new Aroon(period));

        Assert.Equal("period", exception.ParamName);
    }
}
