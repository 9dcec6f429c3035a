namespace Trading.Markets.Indicators;

/// <summary>
/// Appel's moving average convergence/divergence, named <c>MACD(fast,slow,signal)</c>, in price units, as TA-Lib's
/// <c>MACD</c>. <see cref="IndicatorBase.Current"/> is the MACD line EMA(fast) − EMA(slow); <see cref="Signal"/> is
/// EMA(signal) of that line and <see cref="Histogram"/> the line minus the signal.
/// </summary>
/// <remarks>
/// <para>All three are <see cref="ExponentialMovingAverage"/>s seeded with a simple average. TA-Lib's quirk is kept: the fast
/// average skips the first slow − fast inputs, so that both averages take their first value on input <c>slow</c> (the fast
/// one seeded with the simple average of inputs slow − fast + 1 .. slow, e.g. rows 14..25 for 12/26). The signal average is
/// seeded with the first <c>signal</c> MACD values, so everything is published from input slow + signal − 1 on
/// (<see cref="IndicatorBase.WarmUpPeriod"/>; 34, TA-Lib's row 33, for 12, 26, 9).</para>
/// <para>A MACD that seeds the fast average at input <c>fast</c> differs early (by up to a few price units at the first
/// value) and converges after a few hundred inputs.</para>
/// </remarks>
public sealed class MovingAverageConvergenceDivergence : Indicator
{
    private readonly int _skippedByFast;
    private readonly ExponentialMovingAverage _fast;
    private readonly ExponentialMovingAverage _slow;
    private readonly ExponentialMovingAverage _signal;
    private double _histogram;

    /// <summary>Creates the indicator.</summary>
    /// <param name="fastPeriod">Period of the fast average; must be positive and below <paramref name="slowPeriod"/>.</param>
    /// <param name="slowPeriod">Period of the slow average.</param>
    /// <param name="signalPeriod">Period of the signal average of the MACD line; must be positive.</param>
    public MovingAverageConvergenceDivergence(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
        : base($"MACD({fastPeriod},{slowPeriod},{signalPeriod})", WarmUp(fastPeriod, slowPeriod, signalPeriod))
    {
        _skippedByFast = slowPeriod - fastPeriod;
        _fast = new ExponentialMovingAverage(fastPeriod);
        _slow = new ExponentialMovingAverage(slowPeriod);
        _signal = new ExponentialMovingAverage(signalPeriod);
    }

    /// <summary>The signal line, EMA(signal) of the MACD line, in price units. Valid when ready.</summary>
    public double Signal => IsReady ? _signal.Current.Value : 0;

    /// <summary>The MACD line minus the signal line, in price units. Valid when ready.</summary>
    public double Histogram => IsReady ? _histogram : 0;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        _histogram = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(DateTimeOffset time, double input)
    {
        var slowReady = _slow.Update(time, input);
        if (Samples <= _skippedByFast || !_fast.Update(time, input) || !slowReady)
        {
            return 0;
        }

        var line = _fast.Current.Value - _slow.Current.Value;
        if (_signal.Update(time, line))
        {
            _histogram = line - _signal.Current.Value;
        }

        return line;
    }

    private static int WarmUp(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        if (fastPeriod <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fastPeriod), fastPeriod, "The fast period must be positive.");
        }

        if (slowPeriod <= fastPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(slowPeriod), slowPeriod, "The slow period must be longer than the fast period.");
        }

        if (signalPeriod <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(signalPeriod), signalPeriod, "The signal period must be positive.");
        }

        return slowPeriod + signalPeriod - 1;
    }
}
