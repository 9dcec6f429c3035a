namespace Trading.Markets.Indicators;

/// <summary>
/// Alan Hull's moving average, named <c>HMA(period)</c>: WMA(2·WMA(input, period/2) − WMA(input, period), ⌊√period⌋), with
/// the <see cref="WeightedMovingAverage"/> and integer division for period/2.
/// </summary>
/// <remarks>
/// The inner difference exists from input <c>period</c> on, and the outer average needs ⌊√period⌋ of them, so the first value
/// comes after period + ⌊√period⌋ − 1 inputs (<see cref="IndicatorBase.WarmUpPeriod"/>; 23 for period 20).
/// </remarks>
public sealed class HullMovingAverage : Indicator
{
    private readonly WeightedMovingAverage _half;
    private readonly WeightedMovingAverage _full;
    private readonly WeightedMovingAverage _smoothing;

    /// <summary>Creates the average.</summary>
    /// <param name="period">The period of the slow inner average; at least 2, so that period/2 is at least 1.</param>
    public HullMovingAverage(int period)
        : base(
            $"HMA({period})",
            period >= 2 ? period + SmoothingPeriod(period) - 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be at least 2."))
    {
        _half = new WeightedMovingAverage(period / 2);
        _full = new WeightedMovingAverage(period);
        _smoothing = new WeightedMovingAverage(SmoothingPeriod(period));
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _half.Reset();
        _full.Reset();
        _smoothing.Reset();
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        _half.Update(time, input);
        if (!_full.Update(time, input))
        {
            return 0;
        }

        _smoothing.Update(time, (2.0 * _half.Current.Value) - _full.Current.Value);
        return _smoothing.Current.Value;
    }

    // ⌊√period⌋: Math.Sqrt is correctly rounded, so for any int it is exact on squares and never rounds up to the next integer.
    private static int SmoothingPeriod(int period) => (int)Math.Sqrt(period);
}
