namespace Trading.Markets.Indicators;

/// <summary>
/// The population standard deviation (divided by N, not N − 1) of the last <c>period</c> inputs, named <c>STDDEV(period)</c>,
/// in the unit of the input (price units for closes), as TA-Lib's <c>STDDEV</c> with nbDev 1.
/// </summary>
/// <remarks>
/// <para>Ready after <c>period</c> inputs (TA-Lib: first value at row period − 1). A window of equal inputs gives exactly 0.</para>
/// <para>TA-Lib computes the variance in one pass as mean of squares − square of mean and outputs 0 below 1e-8; this class
/// keeps the squared deviations from the mean instead (see <see cref="WindowStatistics"/>), so it differs from TA-Lib by
/// rounding only (about 1e-8 absolute at prices near 50,000) and stays exact for assets priced far below 1.</para>
/// </remarks>
public sealed class StandardDeviation : Indicator
{
    private readonly WindowStatistics _window;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many inputs the deviation spans; must be positive.</param>
    public StandardDeviation(int period)
        : base(
            $"STDDEV({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _window = new WindowStatistics(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _window.Clear();
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        _window.Add(input);
        return Math.Sqrt(_window.Variance);
    }
}
