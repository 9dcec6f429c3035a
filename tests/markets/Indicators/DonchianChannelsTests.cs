using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class DonchianChannelsTests : CommonIndicatorTests<DonchianChannels>
{
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("donchian_middle_20", channels => channels.Current.Value),
        new("donchian_upper_20", channels => channels.Upper),
        new("donchian_lower_20", channels => channels.Lower),
        new("donchian_middle_20", channels => channels.Middle),
    ];

    protected override DonchianChannels CreateIndicator() => new(20);

    protected override bool Update(DonchianChannels indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var channels = new DonchianChannels(20);

        Assert.Equal(("DC(20)", 20), (channels.Name, channels.WarmUpPeriod));
    }

    [Fact]
    public void Spans_the_highest_high_and_lowest_low_of_the_last_period_candles_including_the_current_one()
    {
        var channels = new DonchianChannels(3);
        channels.Update(TestCandles.Create(0, 7, 20, 1, 7));
        channels.Update(TestCandles.Create(1, 7, 12, 6, 8));
        channels.Update(TestCandles.Create(2, 8, 11, 4, 8));

        channels.Update(TestCandles.Create(3, 8, 15, 7, 14));

        Assert.Equal((15.0, 4.0, 9.5), (channels.Upper, channels.Lower, channels.Middle));
        Assert.Equal(channels.Middle, channels.Current.Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new DonchianChannels(period));

        Assert.Equal("period", exception.ParamName);
    }
}
