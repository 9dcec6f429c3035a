namespace Trading.MarketData.Exchange.Connection;

/// <summary>The state of one venue connection.</summary>
public enum VenueConnectionState
{
    /// <summary>Connecting or subscribing (also while waiting to reconnect).</summary>
    Connecting,

    /// <summary>Subscribed and receiving frames.</summary>
    Live,

    /// <summary>Connected but silent for longer than the venue's silence timeout; about to reconnect.</summary>
    Stale,

    /// <summary>Disconnected or refused; reconnecting after a backoff.</summary>
    Down,
}
