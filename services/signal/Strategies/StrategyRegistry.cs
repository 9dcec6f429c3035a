using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Trading.Markets;
using Trading.Markets.Strategies;

namespace Trading.Signal.Strategies;

/// <summary>
/// The in-memory strategy of every series, created on first use and warmed up from stored candles. It is a cache of
/// committed state: a series whose transaction failed is removed, and the next candle rebuilds it from the database.
/// </summary>
/// <remarks>
/// Strategies are not thread-safe; the consumer queue runs one message at a time, which also keeps each series in
/// order. The dictionary is concurrent only so that reading <see cref="Count"/> from a metrics thread is safe.
/// </remarks>
public sealed class StrategyRegistry(EmaCrossOptions options, int warmUpCandles)
{
    private readonly ConcurrentDictionary<SeriesKey, SeriesStrategy> _series = new();

    /// <summary>How many stored candles a new strategy replays.</summary>
    public int WarmUpCandles { get; } = warmUpCandles;

    public int Count => _series.Count;

    public static StrategyRegistry Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SignalOptions>>().Value;
        return new StrategyRegistry(options.EmaCross.ToOptions(), options.WarmUpCandles);
    }

    /// <summary>
    /// Returns the series' strategy. A missing one is created and fed the candles that
    /// <paramref name="loadHistory"/> returns (called with the series, <paramref name="before"/> and
    /// <see cref="WarmUpCandles"/>; it must return at most that many candles opened before <paramref name="before"/>,
    /// oldest first). Signals raised during the warm-up are discarded: they were due, or not, when those candles arrived.
    /// </summary>
    public async Task<SeriesStrategy> GetOrCreateAsync(
        SeriesKey key,
        DateTimeOffset before,
        Func<SeriesKey, DateTimeOffset, int, Task<IReadOnlyList<Candle>>> loadHistory)
    {
        if (_series.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var series = new SeriesStrategy(new EmaCrossStrategy(options));
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
