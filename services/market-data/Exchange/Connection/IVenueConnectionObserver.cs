namespace Trading.MarketData.Exchange.Connection;

/// <summary>Receives what a venue connection sees. Called from the connection's loop, one call at a time.</summary>
public interface IVenueConnectionObserver
{
    /// <summary>The connection changed state; <paramref name="reason"/> says why, in words.</summary>
    ValueTask OnStateChangedAsync(string venue, VenueConnectionState state, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// A parsed frame with trades or quotes. <paramref name="frame"/> is reused for the next frame: copy what you keep.
    /// </summary>
    ValueTask OnMarketDataAsync(string venue, ParsedFrame frame, DateTimeOffset receivedAt, CancellationToken cancellationToken);
}
