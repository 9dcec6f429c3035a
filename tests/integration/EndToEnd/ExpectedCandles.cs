using System.Globalization;
using Trading.Contracts.Candles;

namespace Trading.Integration.Tests.EndToEnd;

/// <summary>
/// One-minute candles computed straight from a trades CSV, independently of the services' code: trades grouped by
/// UTC minute, and a flat zero-volume synthetic candle at the previous close for every minute without trades.
/// </summary>
public static class ExpectedCandles
{
    public static IReadOnlyList<CandleClosed> FromTradesFile(string path, string venue, string symbol)
    {
        var trades = File.ReadLines(path)
            .Skip(1)
            .Select(line => line.Split(','))
            .Select(cells => (
                Time: DateTimeOffset.Parse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Price: decimal.Parse(cells[1], CultureInfo.InvariantCulture),
                Size: decimal.Parse(cells[2], CultureInfo.InvariantCulture),
                IsBuy: cells[3] == "buy"))
            .ToList();
        var byMinute = trades.GroupBy(t => Minute(t.Time)).ToDictionary(g => g.Key, g => g.ToList());

        var candles = new List<CandleClosed>();
        var last = Minute(trades[^1].Time);
        decimal? previousClose = null;
        for (var minute = Minute(trades[0].Time); minute <= last; minute = minute.AddMinutes(1))
        {
            var candle = byMinute.TryGetValue(minute, out var inMinute)
                ? Candle(venue, symbol, minute, inMinute[0].Price, inMinute.Max(t => t.Price), inMinute.Min(t => t.Price), inMinute[^1].Price, inMinute.Sum(t => t.Size), inMinute.Count) with
                {
                    QuoteVolume = inMinute.Sum(t => t.Price * t.Size),
                    Vwap = inMinute.Sum(t => t.Price * t.Size) / inMinute.Sum(t => t.Size),
                    BuyVolume = inMinute.Where(t => t.IsBuy).Sum(t => t.Size),
                    SellVolume = inMinute.Where(t => !t.IsBuy).Sum(t => t.Size),
                }
                : Candle(venue, symbol, minute, previousClose!.Value, previousClose.Value, previousClose.Value, previousClose.Value, 0m, 0) with
                {
                    QuoteVolume = 0m,
                    BuyVolume = 0m,
                    SellVolume = 0m,
                };
            candles.Add(candle);
            previousClose = candle.Close;
        }

        return candles;
    }

    private static CandleClosed Candle(string venue, string symbol, DateTimeOffset openedAt, decimal open, decimal high, decimal low, decimal close, decimal volume, int count) =>
        new()
        {
            Venue = venue,
            Symbol = symbol,
            Interval = "1m",
            OpenedAt = openedAt,
            ClosedAt = openedAt.AddMinutes(1),
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = volume,
            TradeCount = count,
            IsSynthetic = count == 0,
        };

    private static DateTimeOffset Minute(DateTimeOffset time) =>
        new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);
}
