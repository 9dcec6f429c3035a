namespace Trading.Contracts.Candles;

/// <summary>
/// Asks candle-builder for the last <see cref="Count"/> closed candles of one series that it stores, for example to warm
/// indicators up. A request (answered with <see cref="CandleHistory"/>), handled on the queue <c>candle-builder-get-candle-history</c>.
/// </summary>
public sealed record GetCandleHistory
{
    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code, for example <c>1m</c> or <c>1h</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>How many of the newest closed candles to answer with, at least 1; fewer come back when fewer are stored.</summary>
    public required int Count { get; init; }
}
