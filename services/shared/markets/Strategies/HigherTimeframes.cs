namespace Trading.Markets.Strategies;

/// <summary>
/// The higher intervals of a series, built from the series' own closed candles with <see cref="CandleAggregator"/> (which merges
/// shorter candles exactly as their trades), so the live service and the backtester see the same higher candles at the same
/// moment: a higher candle is visible from the close of the base candle that ends it.
/// </summary>
/// <remarks>
/// The first higher candle is dropped when the first base candle does not open on its boundary (it would hold only part of its
/// interval). Each higher interval keeps its last <c>keep</c> closed candles. Not thread-safe.
/// </remarks>
public sealed class HigherTimeframes
{
    private readonly Interval[] _intervals;
    private readonly CandleAggregator[] _aggregators;
    private readonly RollingWindow<Candle>[] _closed;
    private readonly OldestFirst[] _views;
    private DateTimeOffset? _firstOpenedAt;

    /// <summary>Creates the higher intervals of a series.</summary>
    /// <param name="baseInterval">The series' interval.</param>
    /// <param name="intervals">Longer intervals, each a whole multiple of <paramref name="baseInterval"/>; duplicates are ignored.</param>
    /// <param name="keep">Closed candles kept per higher interval; positive.</param>
    /// <exception cref="ArgumentException">An interval is not longer than, or not a multiple of, the base interval.</exception>
    public HigherTimeframes(Interval baseInterval, IEnumerable<Interval> intervals, int keep = 256)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keep);
        BaseInterval = baseInterval;
        _intervals = [.. intervals.Distinct().OrderBy(i => i.Duration)];
        foreach (var interval in _intervals)
        {
            if (!IsMultipleOf(interval, baseInterval))
            {
                throw new ArgumentException(
                    $"{interval} is not a longer whole multiple of the series interval {baseInterval}.", nameof(intervals));
            }
        }

        _closed = [.. _intervals.Select(_ => new RollingWindow<Candle>(keep))];
        _views = [.. _closed.Select(window => new OldestFirst(window))];
        _aggregators = [.. _intervals.Select((interval, i) => new CandleAggregator(interval, CloseHandler(i)))];
    }

    /// <summary>The series' interval.</summary>
    public Interval BaseInterval { get; }

    /// <summary>The higher intervals, shortest first.</summary>
    public IReadOnlyList<Interval> Intervals => _intervals;

    /// <summary>
    /// The default higher intervals of <paramref name="baseInterval"/>: the confirmation interval (the shortest multiple at least 3×
    /// as long) and the macro interval (the shortest multiple at least 48× as long, else the longest multiple). 1m follows 5m and
    /// 1h, 5m follows 15m and 4h, 15m follows 1h and 1d, 1h follows 4h and 1d; 1d follows nothing.
    /// </summary>
    public static IReadOnlyList<Interval> DefaultsFor(Interval baseInterval)
    {
        var multiples = Interval.All.Where(i => IsMultipleOf(i, baseInterval)).OrderBy(i => i.Duration).ToList();
        if (multiples.Count == 0)
        {
            return [];
        }

        var next = multiples.FirstOrDefault(i => i.Duration >= baseInterval.Duration * 3, multiples[^1]);
        var macro = multiples.FirstOrDefault(i => i.Duration >= baseInterval.Duration * 48, multiples[^1]);
        return next == macro ? [next] : [next, macro];
    }

    /// <summary>True when <paramref name="interval"/> is longer than <paramref name="baseInterval"/> and a whole multiple of it.</summary>
    public static bool IsMultipleOf(Interval interval, Interval baseInterval) =>
        interval.Duration > baseInterval.Duration && interval.Duration.Ticks % baseInterval.Duration.Ticks == 0;

    /// <summary>Closed candles of <paramref name="interval"/>, oldest first; empty for an interval not followed.</summary>
    public IReadOnlyList<Candle> Closed(Interval interval)
    {
        var index = Array.IndexOf(_intervals, interval);
        return index < 0 ? [] : _views[index];
    }

    /// <summary>The last closed candle of <paramref name="interval"/>, or null.</summary>
    public Candle? Last(Interval interval)
    {
        var index = Array.IndexOf(_intervals, interval);
        return index < 0 || _closed[index].Count == 0 ? null : _closed[index][0];
    }

    /// <summary>Feeds one closed candle of the series; a higher candle that it ends closes in this call.</summary>
    public void Update(Candle candle)
    {
        ArgumentNullException.ThrowIfNull(candle);
        _firstOpenedAt ??= candle.OpenedAt;
        foreach (var aggregator in _aggregators)
        {
            aggregator.Update(candle);
        }
    }

    /// <summary>Forgets every candle.</summary>
    public void Reset()
    {
        _firstOpenedAt = null;
        for (var i = 0; i < _intervals.Length; i++)
        {
            _closed[i].Clear();
            _aggregators[i] = new CandleAggregator(_intervals[i], CloseHandler(i));
        }
    }

    private Action<Candle> CloseHandler(int index) => candle => Closed(index, candle);

    private void Closed(int index, Candle candle)
    {
        if (candle.OpenedAt >= _firstOpenedAt)
        {
            _closed[index].Add(candle);
        }
    }

    // The candles of a rolling window (newest first) read oldest first, without copying.
    private sealed class OldestFirst(RollingWindow<Candle> window) : IReadOnlyList<Candle>
    {
        public int Count => window.Count;

        public Candle this[int index] =>
            (uint)index < (uint)window.Count
                ? window[window.Count - 1 - index]
                : throw new ArgumentOutOfRangeException(nameof(index), index, $"{window.Count} candles are kept.");

        public IEnumerator<Candle> GetEnumerator()
        {
            for (var i = window.Count - 1; i >= 0; i--)
            {
                yield return window[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
