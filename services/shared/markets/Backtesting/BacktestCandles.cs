namespace Trading.Markets.Backtesting;

/// <summary>Builds a backtest's interval candles from its input candles with <see cref="CandleAggregator"/>, as the candle-builder does.</summary>
public static class BacktestCandles
{
    /// <summary>True when candles of length <paramref name="inputLength"/> merge into <paramref name="interval"/>: a positive
    /// length that divides the interval's.</summary>
    public static bool Divides(TimeSpan inputLength, Interval interval) =>
        inputLength > TimeSpan.Zero && inputLength <= interval.Duration && interval.Duration.Ticks % inputLength.Ticks == 0;

    /// <summary>
    /// Merges <paramref name="candles"/> into candles of <paramref name="interval"/> with <see cref="CandleAggregator.Update(Candle)"/>.
    /// Gaps become synthetic candles, as the aggregator emits them. The first built candle is dropped when the first input candle
    /// does not open on its boundary (it would hold only part of its interval); the last one is returned only once an input candle
    /// ends it.
    /// </summary>
    /// <param name="candles">Input candles, oldest first, each inside one interval of <paramref name="interval"/>.</param>
    /// <param name="interval">The interval to build.</param>
    /// <exception cref="ArgumentException">An input candle does not fit inside one interval.</exception>
    public static Candle[] Build(IReadOnlyList<Candle> candles, Interval interval)
    {
        ArgumentNullException.ThrowIfNull(candles);
        var built = new List<Candle>(candles.Count == 0 ? 0 : (int)Math.Min(candles.Count, (candles[^1].ClosedAt - candles[0].OpenedAt) / interval.Duration + 1));
        var aggregator = new CandleAggregator(interval, built.Add);
        foreach (var candle in candles)
        {
            aggregator.Update(candle);
        }

        if (built.Count > 0 && candles[0].OpenedAt != interval.Floor(candles[0].OpenedAt))
        {
            built.RemoveAt(0);
        }

        return [.. built];
    }
}
