using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Signal.Strategies;

/// <summary>The strategy of one series, with the candle it last saw so that the engine can spot disorder and gaps.</summary>
public sealed class SeriesStrategy(EmaCrossStrategy strategy)
{
    public string Name => strategy.Name;

    public bool IsReady => strategy.IsReady;

    /// <summary>Open time of the last candle fed, or null before the first.</summary>
    public DateTimeOffset? LastOpenedAt { get; private set; }

    /// <summary>Close time of the last candle fed: where the next candle should open.</summary>
    public DateTimeOffset? LastClosedAt { get; private set; }

    /// <summary>Candles fed so far, warm-up included.</summary>
    public int Samples { get; private set; }

    /// <summary>False for a candle opened at or before the last one: the strategy would ignore it.</summary>
    public bool Accepts(Candle candle) => LastOpenedAt is not { } last || candle.OpenedAt > last;

    /// <summary>True when candles are missing between the last one and <paramref name="candle"/>.</summary>
    public bool IsGapBefore(Candle candle) => LastClosedAt is { } expected && candle.OpenedAt > expected;

    public StrategySignal? Update(Candle candle)
    {
        if (!Accepts(candle))
        {
            return null;
        }

        LastOpenedAt = candle.OpenedAt;
        LastClosedAt = candle.ClosedAt;
        Samples++;
        return strategy.Update(candle);
    }
}
