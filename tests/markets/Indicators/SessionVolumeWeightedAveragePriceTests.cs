using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class SessionVolumeWeightedAveragePriceTests : CommonIndicatorTests<SessionVolumeWeightedAveragePrice>
{
    protected override string ReferenceColumn => "vwap_session_utc";

    protected override SessionVolumeWeightedAveragePrice CreateIndicator() => new();

    protected override bool Update(SessionVolumeWeightedAveragePrice indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_session_and_ready_from_the_first_candle()
    {
        var vwap = new SessionVolumeWeightedAveragePrice();

        var ready = vwap.Update(Flat(0, 10, 2));

        Assert.True(ready);
        Assert.Equal(("VWAP(session)", 1), (vwap.Name, vwap.WarmUpPeriod));
    }

    [Fact]
    public void Weights_the_typical_price_by_volume_over_the_session_so_far()
    {
        var vwap = new SessionVolumeWeightedAveragePrice();
        vwap.Update(TestCandles.Create(0, 10, 12, 9, 9) with { Volume = 2 });

        vwap.Update(TestCandles.Create(1, 9, 13, 11, 12) with { Volume = 3 });

        Assert.Equal(((10.0 * 2) + (12.0 * 3)) / 5, vwap.Current.Value, 1e-12);
    }

    [Fact]
    public void Restarts_with_the_first_candle_of_a_new_utc_day()
    {
        var vwap = new SessionVolumeWeightedAveragePrice();
        vwap.Update(Flat(-2, 10, 5));
        vwap.Update(Flat(-1, 20, 5));

        vwap.Update(Flat(0, 30, 1));

        Assert.Equal(30.0, vwap.Current.Value);
    }

    [Fact]
    public void Is_the_current_typical_price_while_the_session_has_no_volume()
    {
        var vwap = new SessionVolumeWeightedAveragePrice();
        vwap.Update(Flat(0, 10, 0));
        var first = vwap.Current.Value;
        vwap.Update(Flat(1, 11, 0));
        var second = vwap.Current.Value;

        vwap.Update(Flat(2, 12, 4));

        Assert.Equal((10.0, 11.0, 12.0), (first, second, vwap.Current.Value));
    }

    private static Candle Flat(int minute, decimal price, decimal volume) =>
        TestCandles.Create(minute, price, price, price, price) with { Volume = volume };
}
