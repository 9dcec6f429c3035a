namespace Trading.MarketData.Live;

/// <summary>
/// How far the trades of one symbol have been published: the last published trade, by venue code, venue trade id and
/// exchange time. Stored by the service so that a restart, or another instance taking the symbol over, resumes from it.
/// </summary>
public sealed record FeedCursor
{
    public required string Venue { get; init; }

    /// <summary>Comparable only with trade ids of the same <see cref="Venue"/>.</summary>
    public required string LastTradeId { get; init; }

    public required DateTimeOffset LastExchangeTime { get; init; }
}
