namespace Trading.Markets.Tests;

// Hand-made one-minute candles for small, readable scenarios.
internal static class TestCandles
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Candle Create(int minute, decimal open, decimal high, decimal low, decimal close, bool isSynthetic = false) =>
        new()
        {
            OpenedAt = Start.AddMinutes(minute),
            ClosedAt = Start.AddMinutes(minute + 1),
            Open = open,
            High = high,
            Low = low,
            Close = close,
            Volume = isSynthetic ? 0m : 1m,
            TradeCount = isSynthetic ? 0 : 1,
            IsSynthetic = isSynthetic,
        };

    // One candle per close, a minute apart, opening at its close and spanning close ± halfRange.
    public static List<Candle> FromCloses(decimal halfRange, params decimal[] closes) =>
        closes.Select((close, minute) => Create(minute, close, close + halfRange, close - halfRange, close)).ToList();
}
