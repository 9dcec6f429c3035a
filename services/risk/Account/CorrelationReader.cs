using Trading.Markets.Risk;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Account;

/// <summary>
/// The return correlations the correlated-exposure rule needs: between the requested symbol and each symbol with a position in the same
/// direction, from the stored closes of the correlation interval, aligned on close time. A pair sharing fewer than
/// <see cref="RiskCorrelationOptions.MinCandles"/> closes is left out (read as uncorrelated) and named in the decision's inputs.
/// </summary>
public sealed class CorrelationReader(CandleCloseStore closes)
{
    public async Task<CorrelationReading> ReadAsync(OutboxTransaction tx, RiskRequest request, RiskAccount account, RiskCorrelationOptions options)
    {
        var others = account.OpenPositions
            .Where(p => p.Direction == request.Direction && !string.Equals(p.Symbol, request.Symbol, StringComparison.Ordinal))
            .Select(p => p.Symbol)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (others.Count == 0)
        {
            return new CorrelationReading(CorrelationMatrix.Empty, []);
        }

        var series = await closes.RecentAsync(tx, [request.Symbol, .. others], options.Candles);
        var matrix = CorrelationMatrix.Empty;
        var pairs = new List<CorrelationPair>();
        foreach (var other in others)
        {
            var shared = Align(series, request.Symbol, other);
            if (shared.Count < options.MinCandles)
            {
                pairs.Add(new CorrelationPair(request.Symbol, other, null, shared.Count));
                continue;
            }

            var r = ReturnCorrelation.Pearson(
                ReturnCorrelation.SimpleReturns([.. shared.Select(s => s.A)]),
                ReturnCorrelation.SimpleReturns([.. shared.Select(s => s.B)]));
            matrix = matrix.With(request.Symbol, other, r);
            pairs.Add(new CorrelationPair(request.Symbol, other, r, shared.Count));
        }

        return new CorrelationReading(matrix, pairs);
    }

    private static List<(decimal A, decimal B)> Align(
        IReadOnlyDictionary<string, IReadOnlyList<(DateTimeOffset ClosedAt, decimal Close)>> series, string a, string b)
    {
        if (!series.TryGetValue(a, out var first) || !series.TryGetValue(b, out var second))
        {
            return [];
        }

        var byTime = second.ToDictionary(c => c.ClosedAt, c => c.Close);
        return [.. first.Where(c => byTime.ContainsKey(c.ClosedAt)).Select(c => (c.Close, byTime[c.ClosedAt]))];
    }
}
