using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class StochasticOscillatorTests : CommonIndicatorTests<StochasticOscillator>
{
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("stoch_slowk_14_3_3", stochastic => stochastic.K),
        new("stoch_slowd_14_3_3", stochastic => stochastic.D),
    ];

    protected override StochasticOscillator CreateIndicator() => new(14, 3, 3);

    protected override bool Update(StochasticOscillator indicator, Candle candle) => indicator.Update(candle);

    [Fact]
    public void Is_named_after_its_periods_and_warms_up_until_slow_d_exists()
    {
        var stochastic = new StochasticOscillator();

        Assert.Equal(("STOCH(14,3,3)", 14 + 3 + 3 - 2), (stochastic.Name, stochastic.WarmUpPeriod));
    }

    [Fact]
    public void Slow_k_averages_fast_k_and_slow_d_averages_slow_k()
    {
        var stochastic = new StochasticOscillator(2, 2, 2);
        stochastic.Update(TestCandles.Create(0, 5, 10, 0, 5));
        stochastic.Update(TestCandles.Create(1, 5, 10, 0, 10));
        stochastic.Update(TestCandles.Create(2, 10, 20, 10, 10));

        var ready = stochastic.Update(TestCandles.Create(3, 10, 20, 10, 10));

        // fast %K: 100 (close 10 in 0..10), 50 (10 in 0..20), 0 (10 in 10..20); slow %K: 75, 25; slow %D: 50.
        Assert.True(ready);
        Assert.Equal((25.0, 50.0), (stochastic.K, stochastic.D));
        Assert.Equal(stochastic.K, stochastic.Current.Value);
    }

    [Fact]
    public void Fast_k_is_zero_when_the_range_is_flat()
    {
        var stochastic = new StochasticOscillator(3, 1, 1);

        foreach (var candle in TestCandles.FromCloses(0, 100, 100, 100))
        {
            stochastic.Update(candle);
        }

        Assert.True(stochastic.IsReady);
        Assert.Equal((0.0, 0.0), (stochastic.K, stochastic.D));
    }

    [Theory]
    [InlineData(0, 3, 3, "fastKPeriod")]
    [InlineData(14, 0, 3, "slowKPeriod")]
    [InlineData(14, 3, -1, "slowDPeriod")]
    public void Rejects_a_period_that_is_not_positive(int fastKPeriod, int slowKPeriod, int slowDPeriod, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new StochasticOscillator(fastKPeriod, slowKPeriod, slowDPeriod));

        Assert.Equal(parameter, exception.ParamName);
    }
}
