namespace Trading.Markets.Risk;

/// <summary>Pearson correlation of two return series, and the simple returns of a price series, for <see cref="CorrelationMatrix"/>.</summary>
public static class ReturnCorrelation
{
    /// <summary>
    /// Pearson's r = Σ(x − x̄)(y − ȳ) ÷ √(Σ(x − x̄)² × Σ(y − ȳ)²), −1 to 1, of two series aligned item by item (same times).
    /// 0 when either series is constant, where r is undefined: a constant return moves with nothing.
    /// </summary>
    /// <param name="x">The first series.</param>
    /// <param name="y">The second series, as long as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The series differ in length, have fewer than two items, or hold a non-finite value.</exception>
    public static double Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"The series differ in length: {x.Count} and {y.Count}.", nameof(y));
        }

        if (x.Count < 2)
        {
            throw new ArgumentException($"A correlation needs at least two pairs, got {x.Count}.", nameof(x));
        }

        double meanX = 0, meanY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw new ArgumentException($"Item {i} is not a finite number.", nameof(x));
            }

            meanX += x[i];
            meanY += y[i];
        }

        meanX /= x.Count;
        meanY /= y.Count;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        if (sxx == 0 || syy == 0)
        {
            return 0;
        }

        return Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1, 1);
    }

    /// <summary>Simple returns p[i] ÷ p[i − 1] − 1 of a price series, one fewer than the prices.</summary>
    /// <param name="prices">Prices in time order; positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A price is not positive.</exception>
    public static double[] SimpleReturns(IReadOnlyList<decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var returns = new double[Math.Max(0, prices.Count - 1)];
        for (var i = 0; i < prices.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prices[i], nameof(prices));
            if (i > 0)
            {
                returns[i - 1] = (double)(prices[i] / prices[i - 1]) - 1;
            }
        }

        return returns;
    }
}
