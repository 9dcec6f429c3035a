using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;

namespace Trading.Signal.Persistence;

/// <summary>The candles the service has consumed, kept to warm strategies up again.</summary>
public sealed class CandleStore
{
    /// <summary>Stores the candle; false when this (venue, symbol, interval, open time) was already stored.</summary>
    public async Task<bool> InsertAsync(OutboxTransaction tx, CandleClosed candle) =>
        await InsertAsync(tx, SignalMapper.Series(candle), SignalMapper.ToCandle(candle));

    /// <summary>
    /// Stores history candles of the series (from candle-builder) that are not stored yet; returns how many were new. They are
    /// stored like consumed candles, so a later <c>CandleClosed</c> for one of them is a duplicate.
    /// </summary>
    public async Task<int> InsertHistoryAsync(OutboxTransaction tx, SeriesKey series, IEnumerable<Candle> history)
    {
        var inserted = 0;
        foreach (var candle in history)
        {
            inserted += await InsertAsync(tx, series, candle) ? 1 : 0;
        }

        return inserted;
    }

    /// <summary>How many candles of the series opened before <paramref name="before"/> are stored, counting up to <paramref name="limit"/>.</summary>
    public async Task<int> CountBeforeAsync(OutboxTransaction tx, SeriesKey series, DateTimeOffset before, int limit) =>
        await tx.ExecuteScalarAsync<int>(
            """
            SELECT count(*)::int FROM (
                SELECT 1 FROM candles
                WHERE venue = @Venue AND symbol = @Symbol AND interval = @Interval AND opened_at < @Before
                LIMIT @Limit
            ) stored
            """,
            new { series.Venue, series.Symbol, series.Interval, Before = before.ToUniversalTime(), Limit = limit });

    /// <summary>The last <paramref name="count"/> candles of the series opened before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Candle>> LoadHistoryAsync(OutboxTransaction tx, SeriesKey series, DateTimeOffset before, int count)
    {
        var rows = await tx.QueryAsync<CandleRow>(
            """
            SELECT opened_at, closed_at, open, high, low, close, volume, quote_volume, buy_volume, sell_volume, trade_count, is_synthetic
            FROM (
                SELECT opened_at, closed_at, open, high, low, close, volume, quote_volume, buy_volume, sell_volume, trade_count, is_synthetic
                FROM candles
                WHERE venue = @Venue AND symbol = @Symbol AND interval = @Interval AND opened_at < @Before
                ORDER BY opened_at DESC
                LIMIT @Count
            ) recent
            ORDER BY opened_at
            """,
            new { series.Venue, series.Symbol, series.Interval, Before = before.ToUniversalTime(), Count = count });
        return rows.Select(row => row.ToCandle()).ToList();
    }

    private static async Task<bool> InsertAsync(OutboxTransaction tx, SeriesKey series, Candle candle) =>
        await tx.ExecuteAsync(
            """
            INSERT INTO candles (venue, symbol, interval, opened_at, closed_at, open, high, low, close, volume, quote_volume, buy_volume,
                                 sell_volume, trade_count, is_synthetic)
            VALUES (@Venue, @Symbol, @Interval, @OpenedAt, @ClosedAt, @Open, @High, @Low, @Close, @Volume, @QuoteVolume, @BuyVolume,
                    @SellVolume, @TradeCount, @IsSynthetic)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                series.Venue,
                series.Symbol,
                series.Interval,
                OpenedAt = candle.OpenedAt.ToUniversalTime(),
                ClosedAt = candle.ClosedAt.ToUniversalTime(),
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

    // Npgsql reads timestamptz as a UTC DateTime; converting here keeps Dapper away from DateTimeOffset.
    private sealed class CandleRow
    {
        public DateTime OpenedAt { get; set; }

        public DateTime ClosedAt { get; set; }

        public decimal Open { get; set; }

        public decimal High { get; set; }

        public decimal Low { get; set; }

        public decimal Close { get; set; }

        public decimal Volume { get; set; }

        public decimal QuoteVolume { get; set; }

        public decimal BuyVolume { get; set; }

        public decimal SellVolume { get; set; }

        public int TradeCount { get; set; }

        public bool IsSynthetic { get; set; }

        public Candle ToCandle() => new()
        {
            OpenedAt = new DateTimeOffset(DateTime.SpecifyKind(OpenedAt, DateTimeKind.Utc)),
            ClosedAt = new DateTimeOffset(DateTime.SpecifyKind(ClosedAt, DateTimeKind.Utc)),
            Open = Open,
            High = High,
            Low = Low,
            Close = Close,
            Volume = Volume,
            QuoteVolume = QuoteVolume,
            BuyVolume = BuyVolume,
            SellVolume = SellVolume,
            TradeCount = TradeCount,
            IsSynthetic = IsSynthetic,
        };
    }
}
