namespace Trading.Markets.Indicators;

/// <summary>
/// What every streaming indicator shares: its name, warm-up, sample count, current value, and the rule that input must
/// move forward in time. Derive from <see cref="Indicator"/> or <see cref="CandleIndicator"/>, not from this class.
/// </summary>
/// <remarks>
/// <para>An input whose time is at or before the last accepted time is ignored: nothing changes and the update returns
/// <see cref="IsReady"/>. Every accepted input counts as one sample.</para>
/// <para><see cref="IsReady"/> turns true exactly when <see cref="Samples"/> reaches <see cref="WarmUpPeriod"/>. Until then
/// <see cref="Current"/> stays <c>default</c>, so a value from an indicator that is still warming up is never visible.</para>
/// <para>Not thread-safe: each (symbol, interval) owns its own indicators.</para>
/// </remarks>
public abstract class IndicatorBase
{
    private DateTimeOffset? _lastTime;

    private protected IndicatorBase(string name, int warmUpPeriod)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(warmUpPeriod);
        Name = name;
        WarmUpPeriod = warmUpPeriod;
    }

    /// <summary>Short name with parameters, for example <c>EMA(20)</c>.</summary>
    public string Name { get; }

    /// <summary>How many samples the indicator needs before its first value.</summary>
    public int WarmUpPeriod { get; }

    /// <summary>How many inputs were accepted since creation or the last <see cref="Reset"/>; ignored inputs do not count.</summary>
    public long Samples { get; private set; }

    /// <summary>True once <see cref="Samples"/> has reached <see cref="WarmUpPeriod"/>.</summary>
    public bool IsReady => Samples >= WarmUpPeriod;

    /// <summary>The latest value, or <c>default</c> (time <see cref="DateTimeOffset.MinValue"/>, value 0) while not ready.</summary>
    public IndicatorValue Current { get; private set; }

    /// <summary>Returns the indicator to its freshly created state. Overrides must call the base method.</summary>
    public virtual void Reset()
    {
        _lastTime = null;
        Samples = 0;
        Current = default;
    }

    /// <summary>Counts the input as a sample if it moves time forward; returns false if it must be ignored.</summary>
    private protected bool Accept(DateTimeOffset time)
    {
        if (time <= _lastTime)
        {
            return false;
        }

        _lastTime = time;
        Samples++;
        return true;
    }

    private protected bool Publish(DateTimeOffset time, double value)
    {
        if (IsReady)
        {
            Current = new IndicatorValue(time, value);
        }

        return IsReady;
    }
}
