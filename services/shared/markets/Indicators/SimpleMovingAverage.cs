namespace Trading.Markets.Indicators;

/// <summary>
/// The plain mean of the last <c>period</c> inputs, named <c>SMA(period)</c>. Ready after <c>period</c> inputs
/// (TA-Lib <c>SMA</c>: the first value is at row <c>period − 1</c>).
/// </summary>
public sealed class SimpleMovingAverage : Indicator
{
    private readonly RollingWindow<double> _window;

    /// <summary>Creates the average.</summary>
    /// <param name="period">How many inputs to average; must be positive.</param>
    public SimpleMovingAverage(int period)
        : base(
            $"SMA({period})",
            period > 0 ? period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _window = new RollingWindow<double>(period);
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

        // Summing the window each time costs O(period) but, unlike a running total, never drifts in a process that runs for months.
        var sum = 0.0;
        foreach (var value in _window)
        {
            sum += value;
        }

        return sum / _window.Count;
    }
}
