using Trading.MarketData.Live;
using Trading.ServiceDefaults.Outbox;

namespace Trading.MarketData.Persistence;

/// <summary>
/// The live feed's cursors in <c>feed_cursors</c> and the lease check that fences a batch, both inside outbox
/// transactions, so a cursor is never ahead of or behind the trades published with it.
/// </summary>
public sealed class FeedCursorStore
{
    /// <summary>Moves the cursor of <paramref name="symbol"/> forward; a cursor older than the stored one changes nothing.</summary>
    public Task AdvanceAsync(OutboxTransaction tx, string symbol, FeedCursor cursor) =>
        tx.ExecuteAsync(
            """
            INSERT INTO feed_cursors (symbol, venue, last_trade_id, last_exchange_time, updated_at)
            VALUES (@symbol, @venue, @lastTradeId, @lastExchangeTime, @now)
            ON CONFLICT (symbol) DO UPDATE
            SET venue = excluded.venue, last_trade_id = excluded.last_trade_id,
                last_exchange_time = excluded.last_exchange_time, updated_at = excluded.updated_at
            WHERE feed_cursors.last_exchange_time <= excluded.last_exchange_time
            """,
            new { symbol, venue = cursor.Venue, lastTradeId = cursor.LastTradeId, lastExchangeTime = cursor.LastExchangeTime, now = tx.Now });

    public async Task<IReadOnlyDictionary<string, FeedCursor>> LoadAsync(OutboxTransaction tx, IReadOnlyCollection<string> symbols)
    {
        var rows = await tx.QueryAsync<CursorRow>(
            "SELECT symbol, venue, last_trade_id, last_exchange_time FROM feed_cursors WHERE symbol = ANY(@symbols)",
            new { symbols = symbols.ToArray() });
        return rows.ToDictionary(
            row => row.Symbol,
            row => new FeedCursor
            {
                Venue = row.Venue,
                LastTradeId = row.LastTradeId,
                LastExchangeTime = new DateTimeOffset(DateTime.SpecifyKind(row.LastExchangeTime, DateTimeKind.Utc)),
            },
            StringComparer.Ordinal);
    }

    /// <summary>
    /// True while <paramref name="owner"/> holds the unexpired lease of <paramref name="symbol"/> (database time). The row
    /// is locked until the transaction ends, so the lease cannot pass to another instance between check and commit.
    /// </summary>
    public async Task<bool> HoldsLeaseAsync(OutboxTransaction tx, string symbol, string owner) =>
        await tx.ExecuteScalarAsync<bool>(
            """
            SELECT count(*) > 0
            FROM (SELECT 1 FROM feed_leases WHERE symbol = @symbol AND owner = @owner AND expires_at > now() FOR UPDATE) AS held
            """,
            new { symbol, owner });

    private sealed record CursorRow
    {
        public required string Symbol { get; init; }

        public required string Venue { get; init; }

        public required string LastTradeId { get; init; }

        public required DateTime LastExchangeTime { get; init; }
    }
}
