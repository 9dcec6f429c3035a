using System.Text.Json;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>
/// Coinbase Advanced Trade market data, unauthenticated: one <c>subscribe</c> per channel (the venue allows only one
/// channel per message) for <c>market_trades</c>, <c>ticker</c> and <c>heartbeats</c>. Without heartbeats, a channel
/// of a quiet product is closed by the venue after 60-90 s.
/// </summary>
public sealed class CoinbaseProtocol(CoinbaseProtocolOptions options) : IVenueProtocol
{
    public string Venue => Venues.Coinbase;

    public Uri Endpoint => options.Endpoint;

    public TimeSpan SilenceTimeout => options.SilenceTimeout;

    public TimeSpan? PingInterval => options.PingInterval;

    public bool HasConnectionSequence => true;

    public IVenueFrameParser CreateParser() => new CoinbaseFrameParser();

    public IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> venueSymbols) =>
    [
        Subscribe("market_trades", venueSymbols),
        Subscribe("ticker", venueSymbols),
        Subscribe("heartbeats", null),
    ];

    public byte[]? PingFrame() => null;

    private static byte[] Subscribe(string channel, IReadOnlyList<string>? productIds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "subscribe");
            if (productIds is not null)
            {
                writer.WriteStartArray("product_ids");
                foreach (var productId in productIds)
                {
                    writer.WriteStringValue(productId);
                }

                writer.WriteEndArray();
            }

            writer.WriteString("channel", channel);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
