using Dapper;
using Npgsql;
using Trading.CandleBuilder.Persistence;
using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// History in the tables of <see cref="CandleStore"/>: the stored closed candles of a series (<c>candles</c>), and fetched history
/// written there without a <c>CandleClosed</c>, moving the series state (<c>open_candles</c>) past it.
/// </summary>
public sealed class CandleHistoryStore(NpgsqlDataSource dataSource, Outbox outbox, CandleStore store)
{
    /// <summary>Open times of the stored candles of a series in [<paramref name="range"/>.StartAt, EndAt).</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> StoredOpenTimesAsync(
        string venue, string symbol, Interval interval, HistoryRange range, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var times = await connection.QueryAsync<DateTime>(new CommandDefinition(
            """
            SELECT opened_at FROM candles
            WHERE venue = @venue AND symbol = @symbol AND "interval" = @interval AND opened_at >= @startAt AND opened_at < @endAt
            """,
            new { venue, symbol, interval = interval.Code, startAt = range.StartAt.UtcDateTime, endAt = range.EndAt.UtcDateTime },
            cancellationToken: cancellationToken));
        return [.. times.Select(Utc)];
    }

    /// <summary>
    /// Stores fetched candles that are not stored yet, publishing nothing: history is not news, and a strategy must not trade on
    /// an old bar. Under the series lock the processor takes, the series state then moves to the end of the history when it ends
    /// later than the state: closing resumes after the last fetched candle, and an open candle the history covers is dropped (the
    /// venue's candle replaces it). Returns how many candles were new.
    /// </summary>
    /// <param name="candles">Closed candles of <paramref name="interval"/>, in any order.</param>
    public async Task<int> SaveAsync(
        string venue, string symbol, Interval interval, IReadOnlyList<HistoricCandle> candles, CancellationToken cancellationToken)
    {
        if (candles.Count == 0)
        {
            return 0;
        }

        var last = candles.MaxBy(c => c.OpenedAt)!;
        var inserted = 0;
        await outbox.ExecuteAsync(
            async tx =>
            {
                await store.LockSeriesAsync(tx, venue, symbol);
                inserted = await InsertAsync(tx, venue, symbol, interval, candles);
                await AdvanceSeriesAsync(tx, venue, symbol, interval, last);
            },
            cancellationToken);
        return inserted;
    }

    /// <summary>The newest <paramref name="count"/> stored candles of a series, oldest first.</summary>
    public async Task<IReadOnlyList<HistoricCandle>> LatestAsync(
        string venue, string symbol, Interval interval, int count, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<CandleRow>(new CommandDefinition(
            """
            SELECT opened_at, closed_at, open, high, low, close, volume, quote_volume, trade_count, is_synthetic
            FROM candles
            WHERE venue = @venue AND symbol = @symbol AND "interval" = @interval
            ORDER BY opened_at DESC
            LIMIT @count
            """,
            new { venue, symbol, interval = interval.Code, count },
            cancellationToken: cancellationToken));
        return [.. rows.Reverse().Select(ToHistoric)];
    }

    private static Task<int> InsertAsync(OutboxTransaction tx, string venue, string symbol, Interval interval, IReadOnlyList<HistoricCandle> candles) =>
        tx.ExecuteAsync(
            """
            INSERT INTO candles (venue, symbol, "interval", opened_at, closed_at, open, high, low, close, volume, quote_volume,
                                 trade_count, is_synthetic)
            SELECT @venue, @symbol, @interval, h.opened_at, h.closed_at, h.open, h.high, h.low, h.close, h.volume, h.quote_volume,
                   h.trade_count, h.is_synthetic
            FROM unnest(@openedAt, @closedAt, @open, @high, @low, @close, @volume, @quoteVolume, @tradeCount, @isSynthetic)
                AS h(opened_at, closed_at, open, high, low, close, volume, quote_volume, trade_count, is_synthetic)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                venue,
                symbol,
                interval = interval.Code,
                openedAt = candles.Select(c => c.OpenedAt.UtcDateTime).ToArray(),
                closedAt = candles.Select(c => c.ClosedAt.UtcDateTime).ToArray(),
                open = candles.Select(c => c.Open).ToArray(),
                high = candles.Select(c => c.High).ToArray(),
                low = candles.Select(c => c.Low).ToArray(),
                close = candles.Select(c => c.Close).ToArray(),
                volume = candles.Select(c => c.Volume).ToArray(),

                // The columns hold zero for "not given" (as for rows from before migration 0002); ToHistoric reads it back as null.
                quoteVolume = candles.Select(c => c.QuoteVolume ?? 0m).ToArray(),
                tradeCount = candles.Select(c => c.TradeCount ?? 0).ToArray(),
                isSynthetic = candles.Select(c => c.IsSynthetic).ToArray(),
            });

    private static async Task AdvanceSeriesAsync(OutboxTransaction tx, string venue, string symbol, Interval interval, HistoricCandle last)
    {
        var key = new { venue, symbol, interval = interval.Code, closedUntil = last.ClosedAt.UtcDateTime, lastClose = last.Close };
        await tx.ExecuteAsync(
            """
            INSERT INTO open_candles (venue, symbol, "interval", closed_until, last_close)
            VALUES (@venue, @symbol, @interval, @closedUntil, @lastClose)
            ON CONFLICT (venue, symbol, "interval") DO UPDATE SET closed_until = excluded.closed_until, last_close = excluded.last_close
            WHERE open_candles.closed_until IS NULL OR open_candles.closed_until < excluded.closed_until
            """,
            key);

        // The aggregator cannot restore an open candle that opens before closed_until.
        await tx.ExecuteAsync(
            """
            UPDATE open_candles
            SET opened_at = NULL, closed_at = NULL, open = NULL, high = NULL, low = NULL, close = NULL, volume = NULL,
                quote_volume = NULL, buy_volume = NULL, sell_volume = NULL, trade_count = NULL
            WHERE venue = @venue AND symbol = @symbol AND "interval" = @interval AND opened_at < closed_until
            """,
            key);
    }

    // A real candle has traded volume, so zero quote volume there means the source did not give it; likewise a zero trade count.
    private static HistoricCandle ToHistoric(CandleRow row) => new()
    {
        OpenedAt = Utc(row.OpenedAt),
        ClosedAt = Utc(row.ClosedAt),
        Open = row.Open,
        High = row.High,
        Low = row.Low,
        Close = row.Close,
        Volume = row.Volume,
        QuoteVolume = row.IsSynthetic || row.QuoteVolume > 0m || row.Volume == 0m ? row.QuoteVolume : null,
        TradeCount = row.IsSynthetic || row.TradeCount > 0 ? row.TradeCount : null,
        IsSynthetic = row.IsSynthetic,
    };

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private sealed class CandleRow
    {
        public DateTime OpenedAt { get; init; }

        public DateTime ClosedAt { get; init; }

        public decimal Open { get; init; }

        public decimal High { get; init; }

        public decimal Low { get; init; }

        public decimal Close { get; init; }

        public decimal Volume { get; init; }

        public decimal QuoteVolume { get; init; }

        public int TradeCount { get; init; }

        public bool IsSynthetic { get; init; }
    }
}
