namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>Where and how to hold a Coinbase Advanced Trade market-data WebSocket connection.</summary>
public sealed record CoinbaseProtocolOptions
{
    public Uri Endpoint { get; init; } = new("wss://advanced-trade-ws.coinbase.com");

    // The heartbeats channel sends one message per second, so ten quiet seconds mean the stream is dead.
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(10);

    // Coinbase has no application ping; the heartbeats subscription is the client's keep-alive. Null: none is sent.
    public TimeSpan? PingInterval { get; init; }
}
