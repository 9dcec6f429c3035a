using System.Text.Json;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Exchange.KrakenFutures;

/// <summary>
/// Kraken Futures WebSocket v1: <c>subscribe</c> to <c>trade</c>, <c>ticker</c> and the opt-in <c>heartbeat</c> feed.
/// No JSON ping is documented; the WebSocket protocol keep-alive of the client socket keeps the connection open.
/// </summary>
public sealed class KrakenFuturesProtocol(KrakenFuturesProtocolOptions options) : IVenueProtocol
{
    public string Venue => Venues.KrakenFutures;

    public Uri Endpoint => options.Endpoint;

    public TimeSpan SilenceTimeout => options.SilenceTimeout;

    public TimeSpan? PingInterval => null;

    public IVenueFrameParser CreateParser() => new KrakenFuturesFrameParser();

    public IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> venueSymbols) =>
    [
        Subscribe("trade", venueSymbols),
        Subscribe("ticker", venueSymbols),
        Subscribe("heartbeat", null),
    ];

    public byte[]? PingFrame() => null;

    private static byte[] Subscribe(string feed, IReadOnlyList<string>? productIds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("event", "subscribe");
            writer.WriteString("feed", feed);
            if (productIds is not null)
            {
                writer.WriteStartArray("product_ids");
                foreach (var productId in productIds)
                {
                    writer.WriteStringValue(productId);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
