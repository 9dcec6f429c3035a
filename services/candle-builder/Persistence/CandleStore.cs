using Trading.Markets;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.Persistence;

/// <summary>The tables <c>open_candles</c> (series state) and <c>candles</c> (closed candles), used inside outbox transactions.</summary>
public sealed class CandleStore
{
    /// <summary>
    /// Serialises the consumer and the quiet-market scanner (and replicas) on one series; the first statement of
    /// every transaction that reads or writes the series.
    /// </summary>
    public Task LockSeriesAsync(OutboxTransaction tx, string venue, string symbol) =>
        tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext('candles:' || @venue || @symbol))", new { venue, symbol });

    public async Task<IReadOnlyDictionary<string, OpenCandleRow>> LoadSeriesAsync(OutboxTransaction tx, string venue, string symbol)
    {
        var rows = await tx.QueryAsync<OpenCandleRow>(
            """
            SELECT venue, symbol, "interval", opened_at, closed_at, open, high, low, close, volume, quote_volume, buy_volume,
                   sell_volume, trade_count, closed_until, last_close, last_trade_at, last_trade_received_at
            FROM open_candles
            WHERE venue = @venue AND symbol = @symbol
            """,
            new { venue, symbol });
        return rows.ToDictionary(r => r.Interval);
    }

    public Task UpsertAsync(OutboxTransaction tx, OpenCandleRow row) =>
        tx.ExecuteAsync(
            """
            INSERT INTO open_candles (venue, symbol, "interval", opened_at, closed_at, open, high, low, close, volume, quote_volume,
                                      buy_volume, sell_volume, trade_count, closed_until, last_close, last_trade_at, last_trade_received_at)
            VALUES (@Venue, @Symbol, @Interval, @OpenedAt, @ClosedAt, @Open, @High, @Low, @Close, @Volume, @QuoteVolume,
                    @BuyVolume, @SellVolume, @TradeCount, @ClosedUntil, @LastClose, @LastTradeAt, @LastTradeReceivedAt)
            ON CONFLICT (venue, symbol, "interval") DO UPDATE SET
                opened_at = excluded.opened_at, closed_at = excluded.closed_at, open = excluded.open, high = excluded.high,
                low = excluded.low, close = excluded.close, volume = excluded.volume, quote_volume = excluded.quote_volume,
                buy_volume = excluded.buy_volume, sell_volume = excluded.sell_volume, trade_count = excluded.trade_count,
                closed_until = excluded.closed_until, last_close = excluded.last_close,
                last_trade_at = excluded.last_trade_at, last_trade_received_at = excluded.last_trade_received_at
            """,
            row);

    /// <summary>Stores a closed candle; false when it was already stored (then it was also already published).</summary>
    public async Task<bool> InsertCandleAsync(OutboxTransaction tx, string venue, string symbol, Interval interval, Candle candle) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO candles (venue, symbol, "interval", opened_at, closed_at, open, high, low, close, volume, quote_volume,
                                 buy_volume, sell_volume, trade_count, is_synthetic)
            VALUES (@venue, @symbol, @interval, @openedAt, @closedAt, @Open, @High, @Low, @Close, @Volume, @QuoteVolume,
                    @BuyVolume, @SellVolume, @TradeCount, @IsSynthetic)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                venue,
                symbol,
                interval = interval.Code,
                openedAt = candle.OpenedAt.UtcDateTime,
                closedAt = candle.ClosedAt.UtcDateTime,
                candle.Open,
                candle.High,
                candle.Low,
                candle.Close,
                candle.Volume,
                candle.QuoteVolume,
                candle.BuyVolume,
                candle.SellVolume,
                candle.TradeCount,
                candle.IsSynthetic,
            }) == 1;

    /// <summary>Every series that has state, for the quiet-market scan.</summary>
    public async Task<IReadOnlyList<SeriesKey>> ListSeriesAsync(OutboxTransaction tx) =>
        (await tx.QueryAsync<SeriesKey>("SELECT DISTINCT venue, symbol FROM open_candles ORDER BY venue, symbol")).ToList();
}
