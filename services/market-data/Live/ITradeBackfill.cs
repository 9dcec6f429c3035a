namespace Trading.MarketData.Live;

/// <summary>Fetches the trades a venue executed since a time, over its REST API, to fill a gap in the stream.</summary>
public interface ITradeBackfill
{
    /// <param name="venueSymbol">The symbol as the venue's WebSocket names it; returned trades carry it too.</param>
    /// <param name="since">The exchange time of the last trade published for the symbol.</param>
    /// <param name="lastTradeId">That trade's id when it came from this venue; a hint, the caller de-duplicates anyway.</param>
    /// <exception cref="Trading.MarketData.Exchange.Rest.VenueRequestException">The venue refused or answered nonsense.</exception>
    /// <exception cref="HttpRequestException">The request did not reach the venue.</exception>
    Task<BackfillResult> FetchSinceAsync(string venue, string venueSymbol, DateTimeOffset since, string? lastTradeId, CancellationToken cancellationToken);
}
