namespace Trading.MarketData.Persistence;

/// <summary>The next trade a replay publishes: in loop <see cref="Loop"/>, line <see cref="Line"/>, from trade <see cref="Point"/> of that line on.</summary>
public readonly record struct ReplayCursor(int Loop, int Line, int Point);
