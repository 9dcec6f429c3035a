using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class StandardDeviationTests : CommonIndicatorTests<StandardDeviation>
{
    protected override string ReferenceColumn => "stddev_20 (from the definition)";

    protected override StandardDeviation CreateIndicator() => new(20);

    protected override bool Update(StandardDeviation indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    protected override IReadOnlyList<double?> Expected(ReferenceFile file, Output output) =>
        NaiveReferenceA.PopulationStandardDeviation(NaiveReferenceA.Closes(file.ReadCandles()), 20);

    [Fact]
    public void Is_named_after_its_period_and_warms_up_over_it()
    {
        var deviation = new StandardDeviation(20);

        Assert.Equal(("STDDEV(20)", 20), (deviation.Name, deviation.WarmUpPeriod));
    }

    [Fact]
    public void Divides_by_the_number_of_inputs_not_one_less()
    {
        var deviation = new StandardDeviation(8);
        var start = TestCandles.Start;

        var inputs = new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 };
        for (var i = 0; i < inputs.Length; i++)
        {
            deviation.Update(start.AddMinutes(i), inputs[i]);
        }

        Assert.Equal(2.0, deviation.Current.Value, 1e-12);
    }

    [Fact]
    public void Is_exactly_zero_once_the_window_holds_only_equal_inputs()
    {
        var deviation = new StandardDeviation(5);
        var start = TestCandles.Start;
        var inputs = new[] { 46_001.3, 45_999.9, 46_000.7 }.Concat(Enumerable.Repeat(46_000.1, 5)).ToArray();

        for (var i = 0; i < inputs.Length; i++)
        {
            deviation.Update(start.AddMinutes(i), inputs[i]);
        }

        Assert.Equal(0.0, deviation.Current.Value);
    }

    [Fact]
    public void Keeps_its_precision_at_prices_far_from_zero()
    {
        var deviation = new StandardDeviation(4);
        var start = TestCandles.Start;

        for (var i = 0; i < 100_003; i++)
        {
            deviation.Update(start.AddMinutes(i), 1e9 + (i % 4));
        }

        // Any four consecutive inputs are 0, 1, 2, 3 above 1e9: σ = √1.25.
        Assert.Equal(Math.Sqrt(1.25), deviation.Current.Value, 1e-9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new StandardDeviation(period));

        Assert.Equal("period", exception.ParamName);
    }
}
