using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class MoneyFlowIndexTests : CommonIndicatorTests<MoneyFlowIndex>
{
    protected override string ReferenceColumn => "mfi_14";

    protected override MoneyFlowIndex CreateIndicator() => new(14);

    protected override bool Update(MoneyFlowIndex indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_needs_one_more_candle_than_the_period()
    {
        var mfi = new MoneyFlowIndex(14);

        Assert.Equal(("MFI(14)", 15), (mfi.Name, mfi.WarmUpPeriod));
    }

    [Fact]
    public void Is_the_share_of_positive_money_flow_over_the_last_period_candles()
    {
        var mfi = new MoneyFlowIndex(2);
        mfi.Update(Flat(0, 10, 1));
        mfi.Update(Flat(1, 12, 2));

        var ready = mfi.Update(Flat(2, 11, 3));

        Assert.True(ready);
        Assert.Equal(100.0 * 24 / (24 + 33), mfi.Current.Value, 1e-12);
    }

    [Fact]
    public void An_unchanged_typical_price_counts_as_neither_positive_nor_negative_flow()
    {
        var mfi = new MoneyFlowIndex(2);
        mfi.Update(Flat(0, 10, 1));
        mfi.Update(Flat(1, 12, 2));
        mfi.Update(Flat(2, 11, 3));

        mfi.Update(Flat(3, 11, 5));

        Assert.Equal(0.0, mfi.Current.Value);
    }

    [Fact]
    public void Is_zero_when_the_window_holds_less_than_one_unit_of_money_flow()
    {
        var mfi = new MoneyFlowIndex(2);
        mfi.Update(Flat(0, 10, 0.01m));
        mfi.Update(Flat(1, 12, 0.01m));

        mfi.Update(Flat(2, 11, 0.01m));

        Assert.True(mfi.IsReady);
        Assert.Equal(0.0, mfi.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-14)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new MoneyFlowIndex(period));

        Assert.Equal("period", exception.ParamName);
    }

    private static Candle Flat(int minute, decimal price, decimal volume) =>
        TestCandles.Create(minute, price, price, price, price) with { Volume = volume };
}
