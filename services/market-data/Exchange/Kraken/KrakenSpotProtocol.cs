using System.Text.Json;
using Trading.MarketData.Exchange.Connection;

namespace Trading.MarketData.Exchange.Kraken;

/// <summary>
/// Kraken Spot WebSocket v2: one <c>subscribe</c> for <c>trade</c> (without the snapshot: missed trades come from
/// REST backfill, and a snapshot would repeat trades already seen) and one for <c>ticker</c> (with its snapshot, so
/// the best bid/ask is known at once); <c>ping</c> keeps the connection alive.
/// </summary>
public sealed class KrakenSpotProtocol(KrakenSpotProtocolOptions options) : IVenueProtocol
{
    public const int TradeRequestId = 1;
    public const int TickerRequestId = 2;

    private static readonly byte[] Ping = """{"method":"ping"}"""u8.ToArray();

    public string Venue => Venues.Kraken;

    public Uri Endpoint => options.Endpoint;

    public TimeSpan SilenceTimeout => options.SilenceTimeout;

    public TimeSpan? PingInterval => options.PingInterval;

    public IVenueFrameParser CreateParser() => new KrakenSpotFrameParser();

    public IReadOnlyList<byte[]> SubscribeFrames(IReadOnlyList<string> venueSymbols) =>
    [
        Subscribe("trade", venueSymbols, snapshot: false, TradeRequestId),
        Subscribe("ticker", venueSymbols, snapshot: null, TickerRequestId),
    ];

    public byte[]? PingFrame() => Ping;

    private static byte[] Subscribe(string channel, IReadOnlyList<string> symbols, bool? snapshot, int requestId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", "subscribe");
            writer.WriteStartObject("params");
            writer.WriteString("channel", channel);
            writer.WriteStartArray("symbol");
            foreach (var symbol in symbols)
            {
                writer.WriteStringValue(symbol);
            }

            writer.WriteEndArray();
            if (snapshot is { } value)
            {
                writer.WriteBoolean("snapshot", value);
            }

            writer.WriteEndObject();
            writer.WriteNumber("req_id", requestId);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
