using Trading.Contracts.MarketData;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Persistence;

/// <summary>The <c>market_trades</c> table: recent trades per venue and symbol, in the order they happened.</summary>
public sealed class MarketTradeStore
{
    /// <summary>
    /// Stores the batch's trades and returns those not seen before, in batch order: a trade id already stored
    /// (an overlap after a reconnect, a backfill) is not applied twice.
    /// </summary>
    public async Task<IReadOnlyList<MarketTrade>> InsertNewAsync(OutboxTransaction tx, TradesReceived batch)
    {
        var inserted = (await tx.QueryAsync<string>(
            """
            INSERT INTO market_trades (venue, symbol, trade_id, price, exchange_time)
            SELECT @Venue, @Symbol, t.trade_id, t.price, t.exchange_time
            FROM unnest(@TradeIds, @Prices, @Times) WITH ORDINALITY AS t(trade_id, price, exchange_time, ordinal)
            ORDER BY t.ordinal
            ON CONFLICT (venue, symbol, trade_id) DO NOTHING
            RETURNING trade_id
            """,
            new
            {
                batch.Venue,
                batch.Symbol,
                TradeIds = batch.Trades.Select(t => t.TradeId).ToArray(),
                Prices = batch.Trades.Select(t => t.Price).ToArray(),
                Times = batch.Trades.Select(t => t.ExchangeTime).ToArray(),
            })).ToHashSet();
        return [.. batch.Trades.Where(t => inserted.Contains(t.TradeId)).Select(t => new MarketTrade { TradeId = t.TradeId, Price = t.Price, ExchangeTime = t.ExchangeTime })];
    }

    /// <summary>Stored trades at or after <paramref name="from"/>, oldest first.</summary>
    public async Task<IReadOnlyList<MarketTrade>> SinceAsync(OutboxTransaction tx, string venue, string symbol, DateTimeOffset from) =>
        [.. await tx.QueryAsync<MarketTrade>(
            """
            SELECT trade_id, price, exchange_time
            FROM market_trades
            WHERE venue = @venue AND symbol = @symbol AND exchange_time >= @from
            ORDER BY exchange_time, sequence
            """,
            new { venue, symbol, from })];

    /// <summary>The newest stored trade in market time, or null.</summary>
    public Task<MarketTrade?> LatestAsync(OutboxTransaction tx, string venue, string symbol) =>
        tx.QuerySingleOrDefaultAsync<MarketTrade>(
            """
            SELECT trade_id, price, exchange_time
            FROM market_trades
            WHERE venue = @venue AND symbol = @symbol
            ORDER BY exchange_time DESC, sequence DESC
            LIMIT 1
            """,
            new { venue, symbol });

    /// <summary>Forgets trades older than <paramref name="retention"/> before the newest stored one.</summary>
    public Task<int> PruneAsync(OutboxTransaction tx, string venue, string symbol, TimeSpan retention) =>
        tx.ExecuteAsync(
            """
            DELETE FROM market_trades
            WHERE venue = @venue AND symbol = @symbol
              AND exchange_time < (SELECT max(exchange_time) FROM market_trades WHERE venue = @venue AND symbol = @symbol) - @retention
            """,
            new { venue, symbol, retention });
}
