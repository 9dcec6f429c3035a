using Trading.Contracts.Candles;
using Trading.Markets;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Strategies;

namespace Trading.Signal.Persistence;

/// <summary>The candles the service has consumed, kept to warm strategies up again.</summary>
public sealed class CandleStore
{
    /// <summary>Stores the candle; false when this (venue, symbol, interval, open time) was already stored.</summary>
    public async Task<bool> InsertAsync(OutboxTransaction tx, CandleClosed candle)
    {
        var inserted = await tx.ExecuteAsync(
            """
            INSERT INTO candles (venue, symbol, interval, opened_at, closed_at, open, high, low, close, volume, trade_count, is_synthetic)
            VALUES (@Venue, @Symbol, @Interval, @OpenedAt, @ClosedAt, @Open, @High, @Low, @Close, @Volume, @TradeCount, @IsSynthetic)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                candle.Venue,
                candle.Symbol,
                candle.Interval,
                OpenedAt = candle.OpenedAt.ToUniversalTime(),
                ClosedAt = candle.ClosedAt.ToUniversalTime(),
                candle.Open,
                candle.High,
                candle.Low,
                candle.Close,
                candle.Volume,
                candle.TradeCount,
                candle.IsSynthetic,
            });
        return inserted == 1;
    }

    /// <summary>The last <paramref name="count"/> candles of the series opened before <paramref name="before"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Candle>> LoadHistoryAsync(OutboxTransaction tx, SeriesKey series, DateTimeOffset before, int count)
    {
        var rows = await tx.QueryAsync<CandleRow>(
            """
            SELECT opened_at, closed_at, open, high, low, close, volume, trade_count, is_synthetic
            FROM (
                SELECT opened_at, closed_at, open, high, low, close, volume, trade_count, is_synthetic
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
            TradeCount = TradeCount,
            IsSynthetic = IsSynthetic,
        };
    }
}
