namespace Trading.Markets.Tests.Indicators;

// Independent references for the indicators without a TA-Lib column (Aroon, SuperTrend): whole-series loops written from
// the definitions, sharing no code with the streaming classes. Null where no value exists yet.
internal static class NaiveReferenceB
{
    // Aroon over windows of period + 1 candles; of equal highs or lows the most recent counts (TA-Lib's >= and <=).
    public static (List<double?> Up, List<double?> Down) Aroon(IReadOnlyList<Candle> candles, int period)
    {
        var up = new List<double?>();
        var down = new List<double?>();
        for (var i = 0; i < candles.Count; i++)
        {
            if (i < period)
            {
                up.Add(null);
                down.Add(null);
                continue;
            }

            var highestAt = i - period;
            var lowestAt = i - period;
            for (var j = i - period; j <= i; j++)
            {
                if (candles[j].High >= candles[highestAt].High)
                {
                    highestAt = j;
                }

                if (candles[j].Low <= candles[lowestAt].Low)
                {
                    lowestAt = j;
                }
            }

            up.Add(100.0 * (period - (i - highestAt)) / period);
            down.Add(100.0 * (period - (i - lowestAt)) / period);
        }

        return (up, down);
    }

    // SuperTrend on a Wilder ATR seeded with the mean true range of candles 1..period; 1 for an uptrend, 0 for a downtrend.
    public static (List<double?> Line, List<double?> Uptrend) SuperTrend(IReadOnlyList<Candle> candles, int period, double multiplier)
    {
        var high = candles.Select(candle => (double)candle.High).ToList();
        var low = candles.Select(candle => (double)candle.Low).ToList();
        var close = candles.Select(candle => (double)candle.Close).ToList();

        var trueRange = new double[candles.Count];
        for (var i = 1; i < candles.Count; i++)
        {
            trueRange[i] = new[] { high[i] - low[i], Math.Abs(high[i] - close[i - 1]), Math.Abs(low[i] - close[i - 1]) }.Max();
        }

        var atr = new double[candles.Count];
        for (var i = period; i < candles.Count; i++)
        {
            atr[i] = i == period
                ? trueRange.Skip(1).Take(period).Sum() / period
                : (atr[i - 1] * (period - 1) + trueRange[i]) / period;
        }

        var line = new List<double?>();
        var uptrend = new List<double?>();
        double upper = 0, lower = 0;
        var isUp = false;
        for (var i = 0; i < candles.Count; i++)
        {
            if (i < period)
            {
                line.Add(null);
                uptrend.Add(null);
                continue;
            }

            var middle = (high[i] + low[i]) / 2;
            var basicUpper = middle + multiplier * atr[i];
            var basicLower = middle - multiplier * atr[i];
            if (i == period)
            {
                (upper, lower) = (basicUpper, basicLower);
                isUp = close[i] > middle;
            }
            else
            {
                upper = basicUpper < upper || close[i - 1] > upper ? basicUpper : upper;
                lower = basicLower > lower || close[i - 1] < lower ? basicLower : lower;
                if (isUp && close[i] < lower)
                {
                    isUp = false;
                }
                else if (!isUp && close[i] > upper)
                {
                    isUp = true;
                }
            }

            line.Add(isUp ? lower : upper);
            uptrend.Add(isUp ? 1 : 0);
        }

        return (line, uptrend);
    }
}
