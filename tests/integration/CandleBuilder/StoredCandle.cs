using System.Globalization;
using Trading.Markets;

namespace Trading.Integration.Tests.CandleBuilder;

/// <summary>A row of candle_builder.candles, comparable field by field with a candle the test builds itself.</summary>
public sealed record StoredCandle
{
    public required string Venue { get; init; }

    public required string Symbol { get; init; }

    public required string Interval { get; init; }

    public required DateTime OpenedAt { get; init; }

    public required decimal Open { get; init; }

    public required decimal High { get; init; }

    public required decimal Low { get; init; }

    public required decimal Close { get; init; }

    public required decimal Volume { get; init; }

    public required decimal QuoteVolume { get; init; }

    public required decimal BuyVolume { get; init; }

    public required decimal SellVolume { get; init; }

    public required int TradeCount { get; init; }

    public required bool IsSynthetic { get; init; }

    public string Key => KeyOf(Venue, Symbol, Interval, new DateTimeOffset(DateTime.SpecifyKind(OpenedAt, DateTimeKind.Utc)));

    public static string KeyOf(string venue, string symbol, string interval, DateTimeOffset openedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{venue} {symbol} {interval} {openedAt.UtcDateTime:O}");

    public static StoredCandle From(string venue, string symbol, string interval, Candle candle) => new()
    {
        Venue = venue,
        Symbol = symbol,
        Interval = interval,
        OpenedAt = candle.OpenedAt.UtcDateTime,
        Open = candle.Open,
        High = candle.High,
        Low = candle.Low,
        Close = candle.Close,
        Volume = candle.Volume,
        QuoteVolume = candle.QuoteVolume,
        BuyVolume = candle.BuyVolume,
        SellVolume = candle.SellVolume,
        TradeCount = candle.TradeCount,
        IsSynthetic = candle.IsSynthetic,
    };
}
