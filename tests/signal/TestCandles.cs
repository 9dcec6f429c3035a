using Trading.Markets;

namespace Trading.Signal.Tests;

/// <summary>One-minute candles of a wave whose fast and slow EMAs cross several times.</summary>
internal static class TestCandles
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Candle Create(int minute, decimal close) =>
        new()
        {
            OpenedAt = Start.AddMinutes(minute),
            ClosedAt = Start.AddMinutes(minute + 1),
            Open = close,
            High = close + 1m,
            Low = close - 1m,
            Close = close,
            Volume = 1m,
            TradeCount = 1,
            IsSynthetic = false,
        };

    public static List<Candle> Wave(int count) =>
        Enumerable.Range(0, count)
            .Select(minute => Create(minute, Math.Round(100m + (decimal)(10 * Math.Sin(minute * 2 * Math.PI / 60)), 2)))
            .ToList();
}
