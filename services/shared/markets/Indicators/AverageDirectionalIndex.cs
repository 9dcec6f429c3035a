namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's average directional index, named <c>ADX(period)</c>, in percent (0..100): the trend strength, whatever its
/// direction, as TA-Lib's <c>ADX</c>. Also exposes the +DI and −DI it is built from.
/// </summary>
/// <remarks>
/// <para>+DI and −DI are those of <see cref="PlusDirectionalIndicator"/> and <see cref="MinusDirectionalIndicator"/>, defined
/// from candle period + 1 on. DX = 100·|+DI − −DI| / (+DI + −DI).</para>
/// <para>Seeding follows TA-Lib: the first ADX is the plain mean of the period DX values of candles period + 1 .. 2·period
/// (so <see cref="IndicatorBase.WarmUpPeriod"/> is 2·period; row 27 for 14), and after that
/// ADX = (previous·(period − 1) + DX) / period.</para>
/// <para>Where DX is undefined, because the smoothed true range or +DI + −DI is about 0 (|x| &lt; 1e-8), TA-Lib counts 0
/// into the seed mean and afterwards keeps the previous ADX unchanged; so does this class.</para>
/// </remarks>
public sealed class AverageDirectionalIndex : CandleIndicator
{
    private readonly int _period;
    private readonly DirectionalMovement _movement;
    private double _value;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">The smoothing period of the DIs and of the ADX; must be positive.</param>
    public AverageDirectionalIndex(int period = 14)
        : base(
            $"ADX({period})",
            period > 0 ? 2 * period : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _period = period;
        _movement = new DirectionalMovement(period);
    }

    /// <summary>+DI after the latest candle, in percent, as <see cref="PlusDirectionalIndicator"/>. Defined from candle
    /// period + 1 on, before the ADX itself is ready; 0 before.</summary>
    public double PlusDi => _movement.IsReady ? _movement.PlusDi : 0;

    /// <summary>−DI after the latest candle, in percent, as <see cref="MinusDirectionalIndicator"/>. Defined from candle
    /// period + 1 on, before the ADX itself is ready; 0 before.</summary>
    public double MinusDi => _movement.IsReady ? _movement.MinusDi : 0;

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _movement.Reset();
        _value = 0;
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle)
    {
        if (!_movement.Update((double)candle.High, (double)candle.Low, (double)candle.Close))
        {
            return 0;
        }

        var hasDx = _movement.TryGetDirectionalIndex(out var dx);
        if (Samples <= WarmUpPeriod)
        {
            _value += dx;
            if (Samples == WarmUpPeriod)
            {
                _value /= _period;
            }
        }
        else if (hasDx)
        {
            _value = ((_value * (_period - 1)) + dx) / _period;
        }

        return _value;
    }
}
