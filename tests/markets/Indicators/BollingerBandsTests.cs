using Trading.Markets.Indicators;

namespace Trading.Markets.Tests.Indicators;

public sealed class BollingerBandsTests : CommonIndicatorTests<BollingerBands>
{
    // TA-Lib's one-pass variance differs from the two-pass one by about 5e-8 at 46,000 (see the reference README).
    protected override IReadOnlyList<Output> Outputs =>
    [
        new("bb_middle_20_2", bands => bands.Middle),
        new("bb_upper_20_2", bands => bands.Upper, AbsoluteTolerance: 1e-6),
        new("bb_lower_20_2", bands => bands.Lower, AbsoluteTolerance: 1e-6),
    ];

    protected override BollingerBands CreateIndicator() => new();

    protected override bool Update(BollingerBands indicator, Candle candle) =>
        indicator.Update(candle.OpenedAt, (double)candle.Close);

    [Fact]
    public void Is_named_after_its_parameters_and_warms_up_over_the_period()
    {
        var bands = new BollingerBands(20, 2.5);

        Assert.Equal(("BB(20,2.5)", 20), (bands.Name, bands.WarmUpPeriod));
    }

    [Fact]
    public void Sets_the_bands_at_population_standard_deviations_from_the_simple_average()
    {
        var bands = new BollingerBands(4, 2);
        var start = TestCandles.Start;

        var inputs = new[] { 1.0, 3, 1, 3 };
        for (var i = 0; i < inputs.Length; i++)
        {
            bands.Update(start.AddMinutes(i), inputs[i]);
        }

        // Mean 2, σ = 1 (divided by 4): bands 0 and 4; the last input 3 is three quarters up; width 4/2.
        Assert.Equal((2.0, 4.0, 0.0), (bands.Middle, bands.Upper, bands.Lower));
        Assert.Equal((0.75, 2.0), (bands.PercentB, bands.BandWidth));
        Assert.Equal(bands.Middle, bands.Current.Value);
    }

    [Fact]
    public void Bands_coincide_in_a_flat_market_with_percent_b_one_half_and_no_width()
    {
        var bands = new BollingerBands(3, 2);
        var start = TestCandles.Start;
        var inputs = new[] { 46_003.7, 45_998.1, 46_000.1, 46_000.1, 46_000.1 };

        for (var i = 0; i < inputs.Length; i++)
        {
            bands.Update(start.AddMinutes(i), inputs[i]);
        }

        Assert.Equal((46_000.1, 46_000.1, 46_000.1), (bands.Upper, bands.Middle, bands.Lower));
        Assert.Equal((0.5, 0.0), (bands.PercentB, bands.BandWidth));
    }

    [Fact]
    public void Band_width_is_zero_when_the_middle_is_zero()
    {
        var bands = new BollingerBands(2, 2);
        var start = TestCandles.Start;
        bands.Update(start, -1);

        bands.Update(start.AddMinutes(1), 1);

        Assert.Equal((0.0, 2.0, -2.0), (bands.Middle, bands.Upper, bands.Lower));
        Assert.Equal(0.0, bands.BandWidth);
    }

    [Fact]
    public void Reads_zero_from_every_output_until_ready()
    {
        var bands = new BollingerBands(3, 2);

        bands.Update(TestCandles.Start, 5);

        Assert.Equal((0.0, 0.0, 0.0, 0.0, 0.0), (bands.Upper, bands.Middle, bands.Lower, bands.PercentB, bands.BandWidth));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-20)]
    public void Rejects_a_period_that_is_not_positive(int period)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(period));

        Assert.Equal("period", exception.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rejects_a_band_distance_that_is_not_positive_and_finite(double standardDeviations)
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => new BollingerBands(20, standardDeviations));

        Assert.Equal("standardDeviations", exception.ParamName);
    }
}
