namespace Trading.Markets.Indicators;

/// <summary>
/// Wilder's plus directional indicator, named <c>+DI(period)</c>, in percent (0..100): 100·smoothed +DM / smoothed TR,
/// as TA-Lib's <c>PLUS_DI</c>.
/// </summary>
/// <remarks>
/// <para>+DM is high − previous high when that is positive and larger than previous low − low, else 0; TR is as in <see cref="TrueRange"/>.</para>
/// <para>Seeding follows TA-Lib: candles 2..period only sum +DM and TR (period − 1 values), and the first value, at
/// candle period + 1 (so <see cref="IndicatorBase.WarmUpPeriod"/> is period + 1), already includes one Wilder step
/// s = s − s/period + x. The value is 0 when the smoothed true range is about 0 (|TR| &lt; 1e-8), as in TA-Lib.</para>
/// </remarks>
public sealed class PlusDirectionalIndicator : CandleIndicator
{
    private readonly DirectionalMovement _movement;

    /// <summary>Creates the indicator.</summary>
    /// <param name="period">The smoothing period; must be positive.</param>
    public PlusDirectionalIndicator(int period = 14)
        : base(
            $"+DI({period})",
            period > 0 ? period + 1 : throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be positive."))
    {
        _movement = new DirectionalMovement(period);
    }

    /// <inheritdoc />
    public override void Reset()
    {
        base.Reset();
        _movement.Reset();
    }

    /// <inheritdoc />
    protected override double ComputeNext(Candle candle) =>
        _movement.Update((double)candle.High, (double)candle.Low, (double)candle.Close) ? _movement.PlusDi : 0;
}
