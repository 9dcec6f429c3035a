using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class MovingAverageConvergenceDivergenceTests : CommonIndicatorTests<MovingAverageConvergenceDivergence>
{
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("macd_12_26_9", macd => macd.Current.Value),
        new("macd_signal_12_26_9", macd => macd.Signal),
        new("macd_hist_12_26_9", macd => macd.Histogram),
    ];

    protected override MovingAverageConvergenceDivergence CreateIndicator() => new();

    protected override bool Update(MovingAverageConvergenceDivergence indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_periods_and_warms_up_over_the_slow_and_signal_periods()
    {
        var macd = new MovingAverageConvergenceDivergence();

        Assert.Equal(("MACD(12,26,9)", 34), (macd.Name, macd.WarmUpPeriod));
    }

    [Fact]
    public void Seeds_the_fast_average_on_the_last_fast_inputs_before_the_slow_seed_as_ta_lib_does()
    {
        var macd = new MovingAverageConvergenceDivergence(2, 4, 2);
        var start = TestCandles.Start;
        var inputs = new[] { 1.0, 2, 4, 8, 16 };

        var readiness = inputs.Select((input, i) => macd.Update(start.AddMinutes(i), input)).ToList();

        // Fast: (4 + 8)/2 = 6, then 6 + 2/3·(16 − 6). Slow: (1 + 2 + 4 + 8)/4 = 3.75, then 3.75 + 2/5·(16 − 3.75).
        // MACD: 2.25, then 38/3 − 8.65; the signal is the mean of the two.
        var line = (6 + (2.0 / 3 * 10)) - (3.75 + (0.4 * 12.25));
        var signal = (2.25 + line) / 2;
        Assert.Equal([false, false, false, false, true], readiness);
        Assert.Equal(line, macd.Current.Value, 1e-12);
        Assert.Equal(signal, macd.Signal, 1e-12);
        Assert.Equal(line - signal, macd.Histogram, 1e-12);
    }

    [Fact]
    public void Gives_no_signal_or_histogram_before_it_is_ready()
    {
        var macd = new MovingAverageConvergenceDivergence(2, 4, 2);
        var start = TestCandles.Start;

        for (var i = 0; i < 4; i++)
        {
            macd.Update(start.AddMinutes(i), 10 * (i + 1));
        }

        Assert.Equal((false, 0.0, 0.0), (macd.IsReady, macd.Signal, macd.Histogram));
    }

    [Theory]
    [InlineData(0, 26, 9, "fastPeriod")]
    [InlineData(12, 12, 9, "slowPeriod")]
    [InlineData(26, 12, 9, "slowPeriod")]
    [InlineData(12, 26, 0, "signalPeriod")]
    public void Rejects_periods_that_are_not_positive_or_a_slow_period_not_above_the_fast_one(
        int fast, int slow, int signal, string parameter)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new MovingAverageConvergenceDivergence(fast, slow, signal));

        Assert.Equal(parameter, exception.ParamName);
    }
}
