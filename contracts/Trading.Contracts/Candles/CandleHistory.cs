namespace Trading.Contracts.Candles;

/// <summary>
/// Closed candles of one series, oldest first: the response to <see cref="FetchVenueCandles"/> and to <see cref="GetCandleHistory"/>.
/// History is not news: these candles are never also published as <see cref="CandleClosed"/> by whoever fetched them.
/// </summary>
public sealed record CandleHistory
{
    /// <summary>Venue code, upper case.</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case.</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code, for example <c>1m</c> or <c>1h</c>.</summary>
    public required string Interval { get; init; }

    /// <summary>
    /// The candles, oldest first, each <see cref="HistoricCandle.OpenedAt"/> once. Empty when there are none; an interval
    /// without trades is a synthetic candle once a candle before it is known, and missing before that.
    /// </summary>
    public required IReadOnlyList<HistoricCandle> Candles { get; init; }
}
