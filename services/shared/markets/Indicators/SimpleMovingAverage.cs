namespace Trading.Markets.Indicators;

/// <summary>
/// The plain mean of the last <c>period</c> inputs, named <c>SMA(period)</c>. Ready after <c>period</c> inputs
/// (TA-Lib <c>SMA</c>: the first value is at row <c>period − 1</c>).
/// </summary>
public sealed class SimpleMovingAverage : Indicator
{
    private readonly WindowSum _sum;

    /// <summary>Creates the average.</summary>
    /// <param name="period">How many inputs to average; must be positive.</param>
    public SimpleMovingAverage(int period)
        : base(
            $"SMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _sum = new WindowSum(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _sum.Clear();
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        // A running total, O(1) per input, recomputed from the window each time it wraps so it never drifts over months.
        _sum.Add(input);
        return _sum.Sum / _sum.Count;
    }
}
