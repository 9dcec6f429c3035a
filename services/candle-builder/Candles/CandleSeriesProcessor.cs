using Microsoft.Extensions.Options;
using Trading.CandleBuilder.Persistence;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.Markets;
using Trading.ServiceDefaults.Outbox;

namespace Trading.CandleBuilder.Candles;

/// <summary>
/// Moves the candle series of one market forward, by trades or by the market clock, inside one outbox transaction.
/// Nothing is cached: the aggregators are rebuilt from <c>open_candles</c> in every transaction (one row per interval),
/// so a rolled-back transaction leaves no stale state behind.
/// </summary>
public sealed class CandleSeriesProcessor(
    CandleStore store,
    IOptions<CandleBuilderOptions> options,
    TimeProvider timeProvider,
    CandleBuilderMetrics metrics,
    ILogger<CandleSeriesProcessor> logger)
{
    private readonly IReadOnlyList<Interval> _intervals = CandleBuilderOptionsValidator.ParseIntervals(options.Value);
    private readonly TimeSpan _gracePeriod = options.Value.GracePeriod;

    public async Task ApplyTradesAsync(TradesReceived message, OutboxTransaction tx)
    {
        var (venue, symbol) = (message.Venue, message.Symbol);
        await store.LockSeriesAsync(tx, venue, symbol);
        var rows = await store.LoadSeriesAsync(tx, venue, symbol);
        var series = _intervals.Select(interval => Series.Restore(interval, rows)).ToList();
        var (lastTradeAt, lastTradeReceivedAt) = ClockOf(rows.Values);

        var newest = lastTradeAt;
        foreach (var trade in message.Trades)
        {
            if (trade.Price <= 0m || trade.Quantity < 0m)
            {
                Log.InvalidTrade(logger, venue, symbol, trade.TradeId, trade.Price, trade.Quantity);
                metrics.InvalidTrade(venue, symbol);
                continue;
            }

            foreach (var s in series)
            {
                s.Update(trade);
            }

            if (newest is null || trade.ExchangeTime > newest)
            {
                newest = trade.ExchangeTime;
            }
        }

        if (newest != lastTradeAt)
        {
            lastTradeAt = newest;
            lastTradeReceivedAt = timeProvider.GetUtcNow();
        }

        foreach (var s in series)
        {
            ReportLateTrades(venue, symbol, s);
            await PublishClosedAsync(tx, venue, symbol, s);
            await store.UpsertAsync(tx, OpenCandleRow.Capture(venue, symbol, s.Aggregator, lastTradeAt, lastTradeReceivedAt));
        }
    }

    /// <summary>Closes the candles of a quiet market whose end plus the grace period has passed on its market clock.</summary>
    public async Task ScanAsync(SeriesKey key, DateTimeOffset runningSince, OutboxTransaction tx)
    {
        await store.LockSeriesAsync(tx, key.Venue, key.Symbol);
        var rows = await store.LoadSeriesAsync(tx, key.Venue, key.Symbol);
        if (ClockOf(rows.Values) is not ({ } lastTradeAt, { } lastTradeReceivedAt))
        {
            return;
        }

        // Read after the lock: the consumer may have moved the clock while this transaction waited.
        var marketNow = MarketClock.Now(lastTradeAt, lastTradeReceivedAt, runningSince, timeProvider.GetUtcNow());
        var horizon = MarketClock.ScanHorizon(marketNow, _gracePeriod);
        foreach (var interval in _intervals.Where(i => rows.ContainsKey(i.Code)))
        {
            var s = Series.Restore(interval, rows);
            s.Aggregator.Scan(horizon);
            if (s.Closed.Count == 0)
            {
                continue;
            }

            await PublishClosedAsync(tx, key.Venue, key.Symbol, s);
            await store.UpsertAsync(tx, OpenCandleRow.Capture(key.Venue, key.Symbol, s.Aggregator, lastTradeAt, lastTradeReceivedAt));
        }
    }

    private async Task PublishClosedAsync(OutboxTransaction tx, string venue, string symbol, Series series)
    {
        foreach (var candle in series.Closed)
        {
            // The primary key makes this exactly once: a candle already stored was already published.
            if (!await store.InsertCandleAsync(tx, venue, symbol, series.Interval, candle))
            {
                continue;
            }

            await tx.PublishAsync(new CandleClosed
            {
                Venue = venue,
                Symbol = symbol,
                Interval = series.Interval.Code,
                OpenedAt = candle.OpenedAt,
                ClosedAt = candle.ClosedAt,
                Open = candle.Open,
                High = candle.High,
                Low = candle.Low,
                Close = candle.Close,
                Volume = candle.Volume,
                QuoteVolume = candle.QuoteVolume,
                Vwap = candle.Vwap,
                BuyVolume = candle.BuyVolume,
                SellVolume = candle.SellVolume,
                TradeCount = candle.TradeCount,
                IsSynthetic = candle.IsSynthetic,
            });
            metrics.CandleClosed(venue, symbol, series.Interval.Code, candle.IsSynthetic);
            Log.CandleClosed(logger, venue, symbol, series.Interval.Code, candle.OpenedAt, candle.TradeCount, candle.IsSynthetic);
        }
    }

    private void ReportLateTrades(string venue, string symbol, Series series)
    {
        if (series.LateTrades is not [var first, ..] late)
        {
            return;
        }

        metrics.LateTrades(venue, symbol, series.Interval.Code, late.Count);
        Log.LateTrades(logger, venue, symbol, series.Interval.Code, late.Count, first.TradeId, first.ExchangeTime, series.Aggregator.ClosedUntil);
    }

    /// <summary>The market clock of a series; every interval row carries the same values, the newest wins.</summary>
    private static (DateTimeOffset? LastTradeAt, DateTimeOffset? LastTradeReceivedAt) ClockOf(IEnumerable<OpenCandleRow> rows)
    {
        var newest = rows.Where(r => r.LastTradeAt is not null).MaxBy(r => r.LastTradeAt);
        return newest is null
            ? (null, null)
            : (Utc(newest.LastTradeAt), Utc(newest.LastTradeReceivedAt));
    }

    private static DateTimeOffset? Utc(DateTime? time) =>
        time is { } t ? new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)) : null;

    /// <summary>One interval's aggregator for the length of a transaction, with what it closed and refused.</summary>
    private sealed class Series
    {
        private readonly List<Candle> _closed = [];

        private Series(Interval interval)
        {
            Interval = interval;
            Aggregator = new CandleAggregator(interval, _closed.Add);
        }

        public Interval Interval { get; }

        public CandleAggregator Aggregator { get; }

        public IReadOnlyList<Candle> Closed => _closed;

        public List<Trade> LateTrades { get; } = [];

        public static Series Restore(Interval interval, IReadOnlyDictionary<string, OpenCandleRow> rows)
        {
            var series = new Series(interval);
            if (rows.TryGetValue(interval.Code, out var row))
            {
                row.RestoreInto(series.Aggregator);
            }

            return series;
        }

        public void Update(Trade trade)
        {
            if (!Aggregator.Update(trade.ExchangeTime, trade.Price, trade.Quantity, trade.Side == TradeSide.Buy ? AggressorSide.Buy : AggressorSide.Sell))
            {
                LateTrades.Add(trade);
            }
        }
    }
}
