using Trading.Markets;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>The arithmetic of the warm-up: which window a series must hold, and which ranges of it are missing.</summary>
public static class HistoryGaps
{
    /// <summary>The most requests for one series: gaps closer together than the others are asked for as one range.</summary>
    public const int MaxRanges = 4;

    /// <summary>The last <paramref name="candles"/> closed intervals before <paramref name="now"/>: [floor(now) − candles × interval, floor(now)).</summary>
    public static HistoryRange Window(Interval interval, int candles, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(candles);
        var end = interval.Floor(now);
        return new HistoryRange(end - (interval.Duration * candles), end);
    }

    /// <summary>
    /// The runs of intervals of <paramref name="window"/> with no stored candle, oldest first, each as long as possible; at most
    /// <paramref name="maxRanges"/> of them: while there are more, the two with the fewest stored candles between them become one
    /// range (re-asking for stored candles costs nothing but a few rows; each range costs at least one venue request).
    /// </summary>
    /// <param name="stored">Open times of the stored candles; times outside the window are ignored.</param>
    public static IReadOnlyList<HistoryRange> Missing(Interval interval, HistoryRange window, IEnumerable<DateTimeOffset> stored, int maxRanges = MaxRanges)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRanges);
        var have = stored.Select(t => t.UtcTicks).ToHashSet();
        var ranges = new List<HistoryRange>();
        DateTimeOffset? runStart = null;
        for (var t = window.StartAt; t < window.EndAt; t += interval.Duration)
        {
            if (!have.Contains(t.UtcTicks))
            {
                runStart ??= t;
            }
            else if (runStart is { } start)
            {
                ranges.Add(new HistoryRange(start, t));
                runStart = null;
            }
        }

        if (runStart is { } last)
        {
            ranges.Add(new HistoryRange(last, window.EndAt));
        }

        while (ranges.Count > maxRanges)
        {
            var closest = Enumerable.Range(0, ranges.Count - 1).MinBy(i => ranges[i + 1].StartAt - ranges[i].EndAt);
            ranges[closest] = new HistoryRange(ranges[closest].StartAt, ranges[closest + 1].EndAt);
            ranges.RemoveAt(closest + 1);
        }

        return ranges;
    }
}
