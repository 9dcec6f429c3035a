using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class KeltnerChannelsTests : CommonIndicatorTests<KeltnerChannels>
{
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("kc_middle_20_2_10 (from the definition)", channels => channels.Middle),
        new("kc_upper_20_2_10 (from the definition)", channels => channels.Upper),
        new("kc_lower_20_2_10 (from the definition)", channels => channels.Lower),
    ];

    protected override KeltnerChannels CreateIndicator() => new();

    protected override bool Update(KeltnerChannels indicator, Candle candle) => indicator.Update(candle);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output)
    {
        var candles = file.ReadCandles();
        var middle = NaiveReferenceA.Exponential(NaiveReferenceA.Closes(candles), 20);
        var range = NaiveReferenceA.Wilder(NaiveReferenceA.TrueRange(candles), 10);
        return output.Column.Split('_')[1] switch
        {
            "middle" => NaiveReferenceA.Combine(middle, range, (average, _) => average),
            "upper" => NaiveReferenceA.Combine(middle, range, (average, atr) => average + (2 * atr)),
            _ => NaiveReferenceA.Combine(middle, range, (average, atr) => average - (2 * atr)),
        };
    }

    [Theory]
    [InlineData(20, 2, 10, "KC(20,2,10)", 20)]
    [InlineData(5, 1.5, 10, "KC(5,1.5,10)", 11)]
    public void Is_named_after_its_parameters_and_ready_when_both_the_average_and_the_atr_are(
        int period, double multiplier, int atrPeriod, string name, int warmUp)
    {
        var channels = new KeltnerChannels(period, multiplier, atrPeriod);

        Assert.Equal((name, warmUp), (channels.Name, channels.WarmUpPeriod));
    }

    [Fact]
    public void Sets_the_channels_at_multiplier_atrs_from_the_exponential_average_of_the_closes()
    {
        var channels = new KeltnerChannels(2, 2, 2);
        channels.Update(TestCandles.Create(0, 100, 100, 100, 100));
        channels.Update(TestCandles.Create(1, 100, 104, 100, 102));

        var ready = channels.Update(TestCandles.Create(2, 102, 104, 102, 103));

        // EMA(2): 101, then 101 + 2/3·(103 − 101). ATR(2): the mean of the true ranges 4 and 2.
        var middle = 101 + (2.0 / 3 * 2);
        Assert.True(ready);
        Assert.Equal(middle, channels.Middle, 1e-12);
        Assert.Equal(middle + (2 * 3.0), channels.Upper, 1e-12);
        Assert.Equal(middle - (2 * 3.0), channels.Lower, 1e-12);
    }

    [Theory]
    [InlineData(0, 2, 10, "period")]
    [InlineData(20, 0, 10, "multiplier")]
    [InlineData(20, double.NaN, 10, "multiplier")]
    [InlineData(20, 2, 0, "atrPeriod")]
    public void Rejects_parameters_that_are_not_positive(int period, double multiplier, int atrPeriod, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new KeltnerChannels(period, multiplier, atrPeriod));

        Assert.Equal(parameter, exception.ParamName);
    }
}
