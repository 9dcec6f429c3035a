namespace Trading.MarketData.Exchange.KrakenFutures;

/// <summary>Where and how to hold a Kraken Futures WebSocket v1 connection.</summary>
public sealed record KrakenFuturesProtocolOptions
{
    public Uri Endpoint { get; init; } = new("wss://futures.kraken.com/ws/v1");

    // The opt-in heartbeat feed is slower than spot's, so allow more silence before reconnecting.
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
