namespace Trading.Signal.Strategies;

/// <summary>One candle series: a symbol on a venue at one interval. Each series has its own strategy state.</summary>
public readonly record struct SeriesKey(string Venue, string Symbol, string Interval);
