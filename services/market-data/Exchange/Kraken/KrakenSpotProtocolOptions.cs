namespace Trading.MarketData.Exchange.Kraken;

/// <summary>Where and how to hold a Kraken Spot WebSocket v2 connection.</summary>
public sealed record KrakenSpotProtocolOptions
{
    public Uri Endpoint { get; init; } = new("wss://ws.kraken.com/v2");

    // Kraken sends a heartbeat about once per second once subscribed, so ten quiet seconds mean the stream is dead.
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    // The server drops a connection after about a minute without client traffic.
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);
}
