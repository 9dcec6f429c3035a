using Trading.Markets;

namespace Trading.CandleBuilder.Persistence;

/// <summary>
/// A row of <c>open_candles</c>: the state of one (venue, symbol, interval) series, enough to rebuild its
/// <see cref="CandleAggregator"/> exactly. Times are UTC <see cref="DateTime"/>s, as Npgsql reads <c>timestamptz</c>.
/// </summary>
public sealed class OpenCandleRow
{
    public required string Venue { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public DateTime? OpenedAt { get; init; }

    public DateTime? ClosedAt { get; init; }

    public decimal? Open { get; init; }

    public decimal? High { get; init; }

    public decimal? Low { get; init; }

    public decimal? Close { get; init; }

    public decimal? Volume { get; init; }

    public decimal? QuoteVolume { get; init; }

    public decimal? BuyVolume { get; init; }

    public decimal? SellVolume { get; init; }

    public int? TradeCount { get; init; }

    public DateTime? ClosedUntil { get; init; }

    public decimal? LastClose { get; init; }

    /// <summary>Exchange time of the newest trade of the series.</summary>
    public DateTime? LastTradeAt { get; init; }

    /// <summary>Wall time when the newest trade was consumed; with <see cref="LastTradeAt"/> it drives the market clock.</summary>
    public DateTime? LastTradeReceivedAt { get; init; }

    /// <summary>The partial candle, or null when none is open.</summary>
    public Candle? ToOpenCandle() =>
        OpenedAt is { } openedAt && ClosedAt is { } closedAt && Close is { } close
            ? new Candle
            {
                OpenedAt = Utc(openedAt),
                ClosedAt = Utc(closedAt),
                Open = Open ?? close,
                High = High ?? close,
                Low = Low ?? close,
                Close = close,
                Volume = Volume ?? 0m,
                QuoteVolume = QuoteVolume ?? 0m,
                BuyVolume = BuyVolume ?? 0m,
                SellVolume = SellVolume ?? 0m,
                TradeCount = TradeCount ?? 0,
                IsSynthetic = false,
            }
            : null;

    /// <summary>Puts the stored state into a fresh aggregator of this row's interval.</summary>
    public void RestoreInto(CandleAggregator aggregator) =>
        aggregator.Restore(ToOpenCandle(), ClosedUntil is { } until ? Utc(until) : null, LastClose);

    /// <summary>The row that stores <paramref name="aggregator"/>'s state and the series' market clock.</summary>
    public static OpenCandleRow Capture(
        string venue, string symbol, CandleAggregator aggregator, DateTimeOffset? lastTradeAt, DateTimeOffset? lastTradeReceivedAt)
    {
        var open = aggregator.OpenCandle;
        return new OpenCandleRow
        {
            Venue = venue,
            Symbol = symbol,
            Interval = aggregator.Interval.Code,
            OpenedAt = open?.OpenedAt.UtcDateTime,
            ClosedAt = open?.ClosedAt.UtcDateTime,
            Open = open?.Open,
            High = open?.High,
            Low = open?.Low,
            Close = open?.Close,
            Volume = open?.Volume,
            QuoteVolume = open?.QuoteVolume,
            BuyVolume = open?.BuyVolume,
            SellVolume = open?.SellVolume,
            TradeCount = open?.TradeCount,
            ClosedUntil = aggregator.ClosedUntil?.UtcDateTime,
            LastClose = aggregator.LastClose,
            LastTradeAt = lastTradeAt?.UtcDateTime,
            LastTradeReceivedAt = lastTradeReceivedAt?.UtcDateTime,
        };
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
