namespace Trading.Contracts.Candles;

/// <summary>
/// Asks market-data for a venue's own candles of one series over [<see cref="StartAt"/>, <see cref="EndAt"/>), fetched from the
/// venue's REST OHLC. A request (answered with <see cref="CandleHistory"/>, or a fault naming the venue's error), handled by
/// market-data on the queue <c>market-data-fetch-venue-candles</c>.
/// </summary>
public sealed record FetchVenueCandles
{
    /// <summary>Venue code, upper case (<c>KRAKEN</c> or <c>COINBASE</c>).</summary>
    public required string Venue { get; init; }

    /// <summary>Normalised symbol, upper case (for example <c>BTC/USD</c>).</summary>
    public required string Symbol { get; init; }

    /// <summary>Interval code, for example <c>1m</c> or <c>4h</c>; an interval the venue lacks is built from a shorter one it has.</summary>
    public required string Interval { get; init; }

    /// <summary>Start of the range, included (UTC, aligned to the interval).</summary>
    public required DateTimeOffset StartAt { get; init; }

    /// <summary>
    /// End of the range, excluded (UTC, aligned to the interval). Only closed candles are answered: a range reaching past the
    /// current interval's start is cut there.
    /// </summary>
    public required DateTimeOffset EndAt { get; init; }
}
