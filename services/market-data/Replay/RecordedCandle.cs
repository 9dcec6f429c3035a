namespace Trading.MarketData.Replay;

/// <summary>One bar read from a candles file; <see cref="OpenedAt"/> is the bar's start. Prices are consistent (low ≤ open, close ≤ high).</summary>
public sealed record RecordedCandle(
    int LineNumber, DateTimeOffset OpenedAt, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume);
