namespace Trading.Markets.Indicators;

/// <summary>An indicator fed whole candles, for example one that needs high, low and close.</summary>
/// <remarks>The time of a candle is its <see cref="Candle.OpenedAt"/>. See <see cref="IndicatorBase"/> for the shared rules
/// on ordering, samples and readiness.</remarks>
public abstract class CandleIndicator : IndicatorBase
{
    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Short name with parameters, for example <c>ATR(14)</c>.</param>
    /// <param name="warmUpPeriod">Samples needed before the first value; must be positive.</param>
    protected CandleIndicator(string name, int warmUpPeriod)
        : base(name, warmUpPeriod)
    {
    }

    /// <summary>Adds one candle. A candle opened at or before the last accepted one is ignored.</summary>
    /// <returns><see cref="IndicatorBase.IsReady"/> after the update.</returns>
    public bool Update(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return Accept(candle.OpenedAt) ? Publish(candle.OpenedAt, ComputeNext(candle)) : IsReady;
    }

    /// <summary>
    /// Computes the value after one more accepted candle. <see cref="IndicatorBase.Samples"/> already counts this candle.
    /// The result is ignored while the indicator is not ready. Prices are converted from <c>decimal</c> to <c>double</c> here.
    /// </summary>
    protected abstract double ComputeNext(Candle candle);
}
