using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class OnBalanceVolumeTests : CommonIndicatorTests<OnBalanceVolume>
{
    protected override string ReferenceColumn => "obv";

    protected override OnBalanceVolume CreateIndicator() => new();

    protected override bool Update(OnBalanceVolume indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_obv_and_ready_from_the_first_candle()
    {
        var obv = new OnBalanceVolume();

        var ready = obv.Update(TestCandles.Create(0, 10, 10, 10, 10) with { Volume = 5 });

        Assert.True(ready);
        Assert.Equal(("OBV", 1), (obv.Name, obv.WarmUpPeriod));
    }

    [Fact]
    public void Starts_at_the_first_volume_as_ta_lib_does()
    {
        var obv = new OnBalanceVolume();

        obv.Update(TestCandles.Create(0, 10, 10, 10, 10) with { Volume = 5 });

        Assert.Equal(5.0, obv.Current.Value);
    }

    [Fact]
    public void Adds_volume_on_a_higher_close_subtracts_it_on_a_lower_close_and_ignores_an_equal_close()
    {
        var obv = new OnBalanceVolume();
        obv.Update(TestCandles.Create(0, 10, 10, 10, 10) with { Volume = 5 });

        obv.Update(TestCandles.Create(1, 11, 11, 11, 11) with { Volume = 3 });
        var afterHigher = obv.Current.Value;
        obv.Update(TestCandles.Create(2, 11, 11, 11, 11) with { Volume = 4 });
        var afterEqual = obv.Current.Value;
        obv.Update(TestCandles.Create(3, 9, 9, 9, 9) with { Volume = 2 });

        Assert.Equal((8.0, 8.0, 6.0), (afterHigher, afterEqual, obv.Current.Value));
    }
}
