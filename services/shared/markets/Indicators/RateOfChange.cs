namespace Trading.Markets.Indicators;

/// <summary>
/// Rate of change, named <c>ROC(period)</c>, in percent: 100·(input − input <c>period</c> inputs ago) / input <c>period</c>
/// inputs ago, as TA-Lib's <c>ROC</c>.
/// </summary>
/// <remarks>Needs the input <c>period</c> inputs back, so the first value comes after period + 1 inputs
/// (<see cref="IndicatorBase.WarmUpPeriod"/>; TA-Lib's row <c>period</c>). When that old input is 0 the value is 0, as in
/// TA-Lib.</remarks>
public sealed class RateOfChange : Indicator
{
    private readonly double[] _values;
    private int _next;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">How many inputs back to compare with; must be positive.</param>
    public RateOfChange(int period)
        : base(
            $"ROC({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _values = new double[period];
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        Array.Clear(_values);
        _next = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        // The slot about to be overwritten holds the input from period inputs ago.
        var old = _values[_next];
        _values[_next] = input;
        if (++_next == _values.Length)
        {
            _next = 0;
        }

        // TA-Lib's exact arithmetic: (input / old − 1)·100.
        return old != 0 ? ((input / old) - 1.0) * 100.0 : 0;
    }
}
