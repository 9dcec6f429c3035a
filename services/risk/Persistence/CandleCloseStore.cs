using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>Recent closes of the correlation interval per symbol.</summary>
public sealed class CandleCloseStore
{
    /// <summary>Stores a close (once per symbol and close time) and forgets closes beyond the newest <paramref name="keep"/>.</summary>
    public async Task AddAsync(OutboxTransaction tx, string symbol, DateTimeOffset closedAt, decimal close, int keep)
    {
        await tx.ExecuteAsync(
            "INSERT INTO candle_closes (symbol, closed_at, close) VALUES (@symbol, @closedAt, @close) ON CONFLICT DO NOTHING",
            new { symbol, closedAt, close });
        await tx.ExecuteAsync(
            """
            DELETE FROM candle_closes
            WHERE symbol = @symbol AND closed_at < (
                SELECT min(closed_at) FROM (SELECT closed_at FROM candle_closes WHERE symbol = @symbol ORDER BY closed_at DESC LIMIT @keep) newest)
            """,
            new { symbol, keep });
    }

    /// <summary>The newest <paramref name="count"/> closes of each symbol, oldest first.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<(DateTimeOffset ClosedAt, decimal Close)>>> RecentAsync(
        OutboxTransaction tx, IReadOnlyCollection<string> symbols, int count)
    {
        var rows = await tx.QueryAsync<CloseRow>(
            """
            SELECT symbol, closed_at, close FROM (
                SELECT symbol, closed_at, close, row_number() OVER (PARTITION BY symbol ORDER BY closed_at DESC) AS n
                FROM candle_closes WHERE symbol = ANY(@symbols)) recent
            WHERE n <= @count
            ORDER BY symbol, closed_at
            """,
            new { symbols = symbols.ToArray(), count });
        return rows.GroupBy(row => row.Symbol, StringComparer.Ordinal).ToDictionary(
            group => group.Key,
            group => (IReadOnlyList<(DateTimeOffset, decimal)>)[.. group.Select(row => (new DateTimeOffset(row.ClosedAt, TimeSpan.Zero), row.Close))],
            StringComparer.Ordinal);
    }

    private sealed class CloseRow
    {
        public string Symbol { get; set; } = "";

        public DateTime ClosedAt { get; set; }

        public decimal Close { get; set; }
    }
}
