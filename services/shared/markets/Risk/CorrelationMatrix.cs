namespace Trading.Markets.Risk;

/// <summary>
/// Recent return correlations between pairs of symbols, an input of the correlated-exposure rule. Immutable; symbols compare
/// ordinally (upper-case by convention). A symbol is perfectly correlated with itself; a pair never given is read as uncorrelated (0).
/// </summary>
public sealed class CorrelationMatrix
{
    private readonly Dictionary<(string, string), double> _pairs;

    private CorrelationMatrix(Dictionary<(string, string), double> pairs) => _pairs = pairs;

    /// <summary>No pair known: every two different symbols read as uncorrelated.</summary>
    public static CorrelationMatrix Empty { get; } = new([]);

    /// <summary>Pairs known, each counted once.</summary>
    public int Count => _pairs.Count;

    /// <summary>A copy with the correlation of <paramref name="a"/> and <paramref name="b"/> set (in either order).</summary>
    /// <param name="a">One symbol.</param>
    /// <param name="b">Another symbol.</param>
    /// <param name="correlation">Pearson correlation, −1 to 1.</param>
    /// <exception cref="ArgumentException">The symbols are empty or equal, or the correlation is outside −1 to 1.</exception>
    public CorrelationMatrix With(string a, string b, double correlation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            throw new ArgumentException($"A symbol's correlation with itself is 1 and cannot be set ({a}).", nameof(b));
        }

        if (!(correlation >= -1 && correlation <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(correlation), correlation, "A correlation lies between −1 and 1.");
        }

        var pairs = new Dictionary<(string, string), double>(_pairs) { [Key(a, b)] = correlation };
        return new CorrelationMatrix(pairs);
    }

    /// <summary>The correlation of two symbols: 1 for the same symbol, 0 for a pair never given.</summary>
    /// <param name="a">One symbol.</param>
    /// <param name="b">Another symbol.</param>
    public double Of(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        return _pairs.TryGetValue(Key(a, b), out var correlation) ? correlation : 0;
    }

    /// <summary>Every pair's <see cref="ReturnCorrelation.Pearson"/> of the given return series, aligned item by item.</summary>
    /// <param name="returns">Return series by symbol, all of one length and over the same times.</param>
    public static CorrelationMatrix FromReturns(IReadOnlyDictionary<string, IReadOnlyList<double>> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var symbols = returns.Keys.Order(StringComparer.Ordinal).ToList();
        var pairs = new Dictionary<(string, string), double>();
        foreach (var symbol in symbols)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(symbol, nameof(returns));
        }

        for (var i = 0; i < symbols.Count; i++)
        {
            for (var j = i + 1; j < symbols.Count; j++)
            {
                pairs[(symbols[i], symbols[j])] = ReturnCorrelation.Pearson(returns[symbols[i]], returns[symbols[j]]);
            }
        }

        return new CorrelationMatrix(pairs);
    }

    private static (string, string) Key(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
