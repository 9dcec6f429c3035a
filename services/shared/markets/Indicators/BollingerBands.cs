using System.Globalization;

namespace Trading.Markets.Indicators;

/// <summary>
/// Bollinger bands, named <c>BB(period,standardDeviations)</c>, in price units, as TA-Lib's <c>BBANDS</c> with a simple
/// average: <see cref="Middle"/> (also <see cref="IndicatorBase.Current"/>) is the mean of the last <c>period</c> inputs, and
/// <see cref="Upper"/> and <see cref="Lower"/> sit <c>standardDeviations</c> population standard deviations (divided by N)
/// of the same inputs above and below it.
/// </summary>
/// <remarks>
/// <para>Ready after <c>period</c> inputs (TA-Lib: first value at row period − 1).</para>
/// <para>The deviation is that of <see cref="StandardDeviation"/>: TA-Lib's one-pass variance differs from it by rounding,
/// about 5e-8 on prices near 46,000. A window of equal inputs gives bands that coincide exactly with the middle.</para>
/// <para><see cref="BandWidth"/> is (Upper − Lower) / Middle, 0 when Middle is 0; <see cref="PercentB"/> is
/// (input − Lower) / (Upper − Lower), 0.5 when the bands coincide.</para>
/// </remarks>
public sealed class BollingerBands : Indicator
{
    private readonly double _standardDeviations;
    private readonly WindowStatistics _window;
    private double _upper;
    private double _lower;

    /// <summary>Creates the bands.</summary>
    /// <param name="period">How many inputs the average and the deviation span; must be positive.</param>
    /// <param name="standardDeviations">How many standard deviations the bands sit from the middle; must be positive and finite.</param>
    public BollingerBands(int period = 20, double standardDeviations = 2)
        : base(
            string.Create(CultureInfo.InvariantCulture, $"BB({period},{standardDeviations})"),
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        if (!(standardDeviations > 0) || !double.IsFinite(standardDeviations))
        {
            throw new ArgumentOutOfRangeException(
                nameof(standardDeviations), standardDeviations, "The number of standard deviations must be positive and finite.");
        }

        _standardDeviations = standardDeviations;
        _window = new WindowStatistics(period);
    }

    /// <summary>The upper band, in price units. Valid when ready.</summary>
    public double Upper => IsReady ? _upper : 0;

    /// <summary>The middle band, the simple average; the same as <see cref="IndicatorBase.Current"/>. Valid when ready.</summary>
    public double Middle => Current.Value;

    /// <summary>The lower band, in price units. Valid when ready.</summary>
    public double Lower => IsReady ? _lower : 0;

    /// <summary>The band width relative to the middle, (Upper − Lower) / Middle; 0 when Middle is 0. Valid when ready.</summary>
    public double BandWidth => Middle != 0 ? (Upper - Lower) / Middle : 0;

    /// <summary>
    /// Where the latest input lies between the bands: 0 at the lower band, 1 at the upper band, outside 0..1 beyond them;
    /// 0.5 when the bands coincide. Valid when ready.
    /// </summary>
    public double PercentB => !IsReady ? 0 : _upper != _lower ? (_window.Newest - _lower) / (_upper - _lower) : 0.5;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _window.Clear();
        _upper = 0;
        _lower = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        _window.Add(input);
        var middle = _window.Mean;
        var offset = _standardDeviations * Math.Sqrt(_window.Variance);
        _upper = middle + offset;
        _lower = middle - offset;
        return middle;
    }
}
