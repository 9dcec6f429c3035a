namespace Trading.Markets.Strategies;

/// <summary>
/// The strategies of one series (a symbol on one interval) with what they read besides candles: the higher intervals and the
/// market context. The signal service and the backtester both feed candles through this class, so they produce the same signals.
/// </summary>
/// <remarks>
/// For each candle, in this order: the higher intervals take it, the market context is updated, then each strategy runs and its
/// signal gets the context. A candle opened at or before the last one is refused before anything sees it. Not thread-safe.
/// </remarks>
public sealed class StrategySeries
{
    private readonly IStrategy[] _strategies;
    private readonly HigherTimeframes _higher;
    private readonly MarketContextTracker _tracker;
    private readonly StrategyContext _context;

    /// <summary>Creates the series.</summary>
    /// <param name="interval">The series' interval.</param>
    /// <param name="strategies">The strategies, each a fresh instance owned by this series from now on.</param>
    /// <param name="minimumRiskReward">The lowest R:R a signal on this interval may carry; positive.</param>
    /// <param name="higherIntervals">Higher intervals to build; null for <see cref="HigherTimeframes.DefaultsFor"/>.</param>
    public StrategySeries(Interval interval, IEnumerable<IStrategy> strategies, decimal minimumRiskReward, IEnumerable<Interval>? higherIntervals = null)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        Interval = interval;
        _strategies = [.. strategies];
        _higher = new HigherTimeframes(interval, higherIntervals ?? HigherTimeframes.DefaultsFor(interval));
        _tracker = new MarketContextTracker(_higher);
        _context = new StrategyContext(interval, minimumRiskReward, _higher);
    }

    /// <summary>The series' interval.</summary>
    public Interval Interval { get; }

    /// <summary>The strategies, in the order they run.</summary>
    public IReadOnlyList<IStrategy> Strategies => _strategies;

    /// <summary>The context as of the last candle.</summary>
    public StrategyContext Context => _context;

    /// <summary>Open time of the last candle taken, or null.</summary>
    public DateTimeOffset? LastOpenedAt { get; private set; }

    /// <summary>Close time of the last candle taken: where the next candle should open.</summary>
    public DateTimeOffset? LastClosedAt { get; private set; }

    /// <summary>Candles taken so far.</summary>
    public long Samples { get; private set; }

    /// <summary>Candles needed before every strategy can signal (the market context may take longer; it is reported, not waited for).</summary>
    public int WarmUpPeriod => _strategies.Length == 0 ? 0 : _strategies.Max(s => s.WarmUpPeriod);

    /// <summary>False for a candle opened at or before the last one.</summary>
    public bool Accepts(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return LastOpenedAt is not { } last || candle.OpenedAt > last;
    }

    /// <summary>True when candles are missing between the last one and <paramref name="candle"/>.</summary>
    public bool IsGapBefore(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        return LastClosedAt is { } expected && candle.OpenedAt > expected;
    }

    /// <summary>Feeds one closed candle of the series.</summary>
    /// <returns>The signals found on this candle's close, in strategy order; empty when none, or when the candle is refused.</returns>
    public IReadOnlyList<StrategySignal> Update(Candle candle)
    {
        if (!Accepts(candle))
        {
            return [];
        }

        LastOpenedAt = candle.OpenedAt;
        LastClosedAt = candle.ClosedAt;
        Samples++;
        _higher.Update(candle);
        _context.Market = _tracker.Update(candle);

        List<StrategySignal>? signals = null;
        foreach (var strategy in _strategies)
        {
            if (strategy.Update(candle, _context) is { } signal)
            {
                (signals ??= []).Add(signal with { Context = _context.Market });
            }
        }

        return signals is null ? [] : signals;
    }

    /// <summary>Returns the series and every strategy to their freshly created state.</summary>
    public void Reset()
    {
        LastOpenedAt = null;
        LastClosedAt = null;
        Samples = 0;
        _higher.Reset();
        _tracker.Reset();
        _context.Market = MarketContext.Unknown;
        foreach (var strategy in _strategies)
        {
            strategy.Reset();
        }
    }
}
