using Trading.Contracts.Candles;
using Trading.Integration.Tests.Infrastructure;
using Trading.Markets;
using Trading.ServiceDefaults;

namespace Trading.Integration.Tests.Signal;

/// <summary>Closed candles as candle-builder publishes them: same fields, one message id per candle key.</summary>
internal static class CandleBus
{
    /// <summary>The message candle-builder publishes for <paramref name="candle"/> (CandleSeriesProcessor.PublishClosedAsync).</summary>
    public static CandleClosed Message(string venue, string symbol, Interval interval, Candle candle) => new()
    {
        Venue = venue,
        Symbol = symbol,
        Interval = interval.Code,
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
    };

    /// <summary>
    /// One id per (venue, symbol, interval, open time). candle-builder's outbox gives each published candle a fresh id, and its
    /// candles table publishes each key once, so ids are unique per key there too; a derived id keeps a rerun comparable.
    /// </summary>
    public static Guid MessageId(CandleClosed candle) =>
        DeterministicGuid.Create($"CandleClosed|{candle.Venue}|{candle.Symbol}|{candle.Interval}|{candle.OpenedAt.ToUniversalTime():O}");

    public static Task PublishAsync(this ReplayBus bus, CandleClosed candle) => bus.PublishAsync(candle, MessageId(candle));
}
