using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Signal.Strategies;

/// <summary>
/// The in-memory <see cref="StrategySeries"/> of every series (the runner the backtester uses too), created on first use and
/// warmed up from stored candles. It is a cache of committed state: a series whose transaction failed is removed, and the next
/// candle rebuilds it from the database.
/// </summary>
/// <remarks>
/// Strategies are not thread-safe; the consumer queue runs one message at a time, which also keeps each series in order. The
/// dictionary is concurrent only so that reading <see cref="Count"/> from a metrics thread is safe.
/// </remarks>
public sealed class SeriesRegistry(IReadOnlyList<string> strategies, StrategySettings parameters, RiskRewardMinimums riskReward, int warmUpCandles)
{
    private readonly ConcurrentDictionary<SeriesKey, StrategySeries> _series = new();

    /// <summary>How many stored candles a new series replays.</summary>
    public int WarmUpCandles { get; } = warmUpCandles;

    public int Count => _series.Count;

    public static SeriesRegistry Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SignalOptions>>().Value;
        return new SeriesRegistry(options.ActiveStrategies(), options.Parameters, options.RiskReward, options.WarmUpCandles);
    }

    public bool Contains(SeriesKey key) => _series.ContainsKey(key);

    /// <summary>
    /// Returns the series. A missing one is created with fresh instances of the strategies and fed the candles that
    /// <paramref name="loadHistory"/> returns (called with the series, <paramref name="before"/> and <see cref="WarmUpCandles"/>;
    /// it must return at most that many candles opened before <paramref name="before"/>, oldest first). Signals raised during the
    /// warm-up are discarded: they were due, or not, when those candles arrived.
    /// </summary>
    public async Task<StrategySeries> GetOrCreateAsync(
        SeriesKey key,
        DateTimeOffset before,
        Func<SeriesKey, DateTimeOffset, int, Task<IReadOnlyList<Candle>>> loadHistory)
    {
        if (_series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var interval = Interval.Parse(key.Interval);
        var series = new StrategySeries(interval, strategies.Select(name => StrategyCatalog.Create(name, parameters)), riskReward.For(interval));
        if (WarmUpCandles > 0)
        {
            foreach (var candle in await loadHistory(key, before, WarmUpCandles))
            {
                series.Update(candle);
            }
        }

        _series[key] = series;
        return series;
    }

    /// <summary>Forgets the series, so that the next candle rebuilds it from the database.</summary>
    public void Remove(SeriesKey key) => _series.TryRemove(key, out _);
}
