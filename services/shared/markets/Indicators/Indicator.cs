namespace Trading.Markets.Indicators;

/// <summary>An indicator fed one number per time, for example a close price.</summary>
/// <remarks>See <see cref="IndicatorBase"/> for the shared rules on ordering, samples and readiness.</remarks>
public abstract class Indicator : IndicatorBase
{
    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Short name with parameters, for example <c>SMA(20)</c>.</param>
    /// <param name="warmUpPeriod">Samples needed before the first value; must be positive.</param>
    protected Indicator(string name, int warmUpPeriod)
        : base(name, warmUpPeriod)
    {
    }

    /// <summary>Adds one input. An input at or before the last accepted time is ignored.</summary>
    /// <param name="time">Time of the input.</param>
    /// <param name="value">The input value; must be finite.</param>
    /// <returns><see cref="IndicatorBase.IsReady"/> after the update.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite.</exception>
    public bool Update(DateTimeOffset time, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"{Name} needs finite input.");
        }

        return Accept(time) ? Publish(time, ComputeNext(time, value)) : IsReady;
    }

    /// <summary>
    /// Computes the value after one more accepted input. <see cref="IndicatorBase.Samples"/> already counts this input.
    /// The result is ignored while the indicator is not ready.
    /// </summary>
    protected abstract double ComputeNext(DateTimeOffset time, double input);
}
