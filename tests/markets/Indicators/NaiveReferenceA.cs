namespace Trading.Markets.Tests.Indicators;

// Straight-from-the-definition values for the indicators without a TA-Lib column: plain loops over whole series, recomputing
// each window from scratch, so that they share no streaming tricks with the classes under test. A series is a list with one
// entry per candle, null where it has no value yet; a window has a value once all of its entries have one.
internal static class NaiveReferenceA
{
    public static IReadOnlyList<double?> Closes(IReadOnlyList<Candle> candles) =>
        candles.Select(candle => (double?)(double)candle.Close).ToList();

    public static IReadOnlyList<double?> Simple(IReadOnlyList<double?> series, int period) =>
        Windowed(series, period, window => window.Sum() / period);

    // Weights 1 (oldest) .. period (newest).
    public static IReadOnlyList<double?> Weighted(IReadOnlyList<double?> series, int period) =>
        Windowed(series, period, window =>
        {
            var weighted = 0.0;
            for (var i = 0; i < period; i++)
            {
                weighted += (i + 1) * window[i];
            }

            return weighted / (period * (period + 1) / 2.0);
        });

    public static IReadOnlyList<double?> PopulationStandardDeviation(IReadOnlyList<double?> series, int period) =>
        Windowed(series, period, window =>
        {
            var mean = window.Sum() / period;
            return Math.Sqrt(window.Sum(value => (value - mean) * (value - mean)) / period);
        });

    public static IReadOnlyList<double?> RateOfChange(IReadOnlyList<double?> series, int period) =>
        Windowed(series, period + 1, window => window[0] == 0 ? 0 : 100 * (window[period] - window[0]) / window[0]);

    // Exponential smoothing with weight alpha on the newest value, seeded with the plain mean of the first period values.
    public static IReadOnlyList<double?> Smoothed(IReadOnlyList<double?> series, int period, double alpha)
    {
        var result = new double?[series.Count];
        var first = FirstValue(series);
        for (var i = first + period - 1; i < series.Count; i++)
        {
            result[i] = i == first + period - 1
                ? Enumerable.Range(first, period).Sum(j => series[j]!.Value) / period
                : (alpha * series[i]!.Value) + ((1 - alpha) * result[i - 1]!.Value);
        }

        return result;
    }

    public static IReadOnlyList<double?> Exponential(IReadOnlyList<double?> series, int period) =>
        Smoothed(series, period, 2.0 / (period + 1));

    public static IReadOnlyList<double?> Wilder(IReadOnlyList<double?> series, int period) =>
        Smoothed(series, period, 1.0 / period);

    public static IReadOnlyList<double?> Combine(
        IReadOnlyList<double?> first, IReadOnlyList<double?> second, Func<double, double, double> combine) =>
        first.Zip(second, (a, b) => a is { } x && b is { } y ? combine(x, y) : (double?)null).ToList();

    // True range from the second candle on: max(H − L, |H − previous C|, |L − previous C|).
    public static IReadOnlyList<double?> TrueRange(IReadOnlyList<Candle> candles) =>
        candles.Select((candle, i) =>
        {
            if (i == 0)
            {
                return (double?)null;
            }

            var high = (double)candle.High;
            var low = (double)candle.Low;
            var previousClose = (double)candles[i - 1].Close;
            return new[] { high - low, Math.Abs(high - previousClose), Math.Abs(low - previousClose) }.Max();
        }).ToList();

    // Σ(close·volume) / Σvolume over the window, or the mean close when the window has no volume.
    public static IReadOnlyList<double?> VolumeWeighted(IReadOnlyList<Candle> candles, int period)
    {
        var result = new double?[candles.Count];
        for (var i = period - 1; i < candles.Count; i++)
        {
            var window = candles.Skip(i - period + 1).Take(period).ToList();
            var volume = window.Sum(candle => (double)candle.Volume);
            result[i] = volume == 0
                ? window.Average(candle => (double)candle.Close)
                : window.Sum(candle => (double)candle.Close * (double)candle.Volume) / volume;
        }

        return result;
    }

    // Applies compute to each window of period consecutive values (oldest first) that all exist.
    private static IReadOnlyList<double?> Windowed(IReadOnlyList<double?> series, int period, Func<double[], double> compute)
    {
        var result = new double?[series.Count];
        for (var i = FirstValue(series) + period - 1; i < series.Count; i++)
        {
            result[i] = compute(Enumerable.Range(i - period + 1, period).Select(j => series[j]!.Value).ToArray());
        }

        return result;
    }

    private static int FirstValue(IReadOnlyList<double?> series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i] is not null)
            {
                return i;
            }
        }

        return series.Count;
    }
}
