using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class RelativeStrengthIndexTests : CommonIndicatorTests<RelativeStrengthIndex>
{
    protected override string ReferenceColumn => "rsi_14";

    protected override RelativeStrengthIndex CreateIndicator() => new(14);

    protected override bool Update(RelativeStrengthIndex indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_input_than_the_period()
    {
        var rsi = new RelativeStrengthIndex(14);

        Assert.Equal(("RSI(14)", 15), (rsi.Name, rsi.WarmUpPeriod));
    }

    [Fact]
    public void Seeds_with_the_simple_averages_of_the_first_period_changes_then_smooths_like_wilder()
    {
        var rsi = new RelativeStrengthIndex(2);
        var start = TestCandles.Start;
        rsi.Update(start, 1);
        rsi.Update(start.AddMinutes(1), 2);
        rsi.Update(start.AddMinutes(2), 1);
        var seed = rsi.Current.Value;

        rsi.Update(start.AddMinutes(3), 4);

        // Seed: gains (1 + 0)/2, losses (0 + 1)/2. Then gains (0.5 + 3)/2 = 1.75 and losses (0.5 + 0)/2 = 0.25.
        Assert.Equal(50.0, seed);
        Assert.Equal(100 * 1.75 / 2.0, rsi.Current.Value, 1e-12);
    }

    [Fact]
    public void Is_zero_when_the_market_does_not_move()
    {
        var rsi = new RelativeStrengthIndex(2);
        var start = TestCandles.Start;
        rsi.Update(start, 5);
        rsi.Update(start.AddMinutes(1), 5);

        var ready = rsi.Update(start.AddMinutes(2), 5);

        Assert.True(ready);
        Assert.Equal(0.0, rsi.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeStrengthIndex(period));

        Assert.Equal("period", exception.ParamName);
    }
}
