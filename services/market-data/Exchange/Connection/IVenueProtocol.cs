namespace Trading.MarketData.Exchange.Connection;

/// <summary>
/// What differs between venues on a WebSocket connection: where to connect, how to subscribe and keep the connection
/// alive, how long silence may last, and how to read frames. One instance per venue; <see cref="CreateParser"/> gives
/// each connection its own parser.
/// </summary>
public interface IVenueProtocol
{
    /// <summary>Venue code, upper case (see <see cref="Venues"/>).</summary>
    string Venue { get; }

    /// <summary>The WebSocket endpoint (configuration, so tests can point at a local server).</summary>
    Uri Endpoint { get; }

    /// <summary>No frame for this long means the stream is silent: the connection is dropped and made again.</summary>
    TimeSpan SilenceTimeout { get; }

    /// <summary>How often to send <see cref="PingFrame"/>, or null when the venue needs no application ping.</summary>
    TimeSpan? PingInterval { get; }

    /// <summary>
    /// True when every frame of a connection carries one shared, gap-free sequence number (Coinbase
    /// <c>sequence_num</c>): a jump means the venue dropped messages, and the connection is made again so the supervisor
    /// backfills what they held.
    /// </summary>
    bool HasConnectionSequence => false;

    IVenueFrameParser CreateParser();

    /// <summary>The frames to send after connecting, for the venue's own symbols.</summary>
    IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> venueSymbols);

    /// <summary>The application-level ping, or null.</summary>
    byte[]? PingFrame();
}
