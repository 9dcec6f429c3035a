namespace Trading.Markets.Indicators;

/// <summary>
/// The slow stochastic oscillator, named <c>STOCH(fastK,slowK,slowD)</c>, in percent (0..100), as TA-Lib's <c>STOCH</c> with
/// simple-average smoothing. <see cref="IndicatorBase.Current"/> is the slow %K.
/// </summary>
/// <remarks>
/// <para>fast %K = 100·(close − LL) / (HH − LL), where HH and LL are the highest high and lowest low of the last
/// <c>fastKPeriod</c> candles, the current one included; TA-Lib gives 0 when HH = LL, and so does this class.</para>
/// <para>slow %K (<see cref="K"/>) = SMA(fast %K, <c>slowKPeriod</c>); slow %D (<see cref="D"/>) = SMA(slow %K, <c>slowDPeriod</c>).</para>
/// <para>Like TA-Lib, nothing is published until both are defined: <see cref="IndicatorBase.WarmUpPeriod"/> is
/// fastKPeriod + slowKPeriod + slowDPeriod − 2 (18 for 14, 3, 3).</para>
/// </remarks>
public sealed class StochasticOscillator : CandleIndicator
{
    private readonly HighLowWindow _range;
    private readonly WindowSum _fastK;
    private readonly WindowSum _slowK;
    private double _k;
    private double _d;

    /// <summary>Creates the oscillator.</summary>
    /// <param name="fastKPeriod">Candles in the high-low range; must be positive.</param>
    /// <param name="slowKPeriod">Length of the simple average of fast %K that gives slow %K; must be positive.</param>
    /// <param name="slowDPeriod">Length of the simple average of slow %K that gives slow %D; must be positive.</param>
    public StochasticOscillator(int fastKPeriod = 14, int slowKPeriod = 3, int slowDPeriod = 3)
        : base($"STOCH({fastKPeriod},{slowKPeriod},{slowDPeriod})", WarmUp(fastKPeriod, slowKPeriod, slowDPeriod))
    {
        _range = new HighLowWindow(fastKPeriod);
        _fastK = new WindowSum(slowKPeriod);
        _slowK = new WindowSum(slowDPeriod);
    }

    /// <summary>Slow %K, in percent; the same as <see cref="IndicatorBase.Current"/>. Valid when ready.</summary>
    public double K => IsReady ? _k : 0;

    /// <summary>Slow %D, the signal line, in percent. Valid when ready.</summary>
    public double D => IsReady ? _d : 0;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _range.Clear();
        _fastK.Clear();
        _slowK.Clear();
        _k = 0;
        _d = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        var close = (double)candle.Close;
        _range.Add((double)candle.High, (double)candle.Low);
        if (_range.Added < _range.Size)
        {
            return 0;
        }

        // TA-Lib's exact arithmetic: dividing by (HH − LL)/100 rather than multiplying by 100.
        var lowest = _range.Lowest;
        var scale = (_range.Highest - lowest) / 100.0;
        _fastK.Add(scale != 0 ? (close - lowest) / scale : 0);
        if (!_fastK.IsFull)
        {
            return 0;
        }

        _k = _fastK.Sum / _fastK.Count;
        _slowK.Add(_k);
        _d = _slowK.Sum / _slowK.Count;
        return _k;
    }

    private static int WarmUp(int fastKPeriod, int slowKPeriod, int slowDPeriod)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fastKPeriod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slowKPeriod);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slowDPeriod);
        return fastKPeriod + slowKPeriod + slowDPeriod - 2;
    }
}
