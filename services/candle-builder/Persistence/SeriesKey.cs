namespace Trading.CandleBuilder.Persistence;

/// <summary>One market whose candles are built: a venue and a symbol.</summary>
public sealed record SeriesKey(string Venue, string Symbol);
