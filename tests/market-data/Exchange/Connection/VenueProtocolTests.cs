using System.Text.Json.Nodes;
using Trading.FakeVenues;
using Trading.MarketData.Exchange.Coinbase;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Kraken;
using Trading.MarketData.Exchange.KrakenFutures;

namespace Trading.MarketData.Tests.Exchange.Connection;

public sealed class VenueProtocolTests
{
    [Fact]
    public void Kraken_subscribes_to_trades_without_snapshot_and_to_ticker_as_the_fixtures_show()
    {
        var protocol = new KrakenSpotProtocol(new KrakenSpotProtocolOptions());
        var trade = Fixture("kraken/spot-ws-v2/trade.subscribe.request.json");
        trade["params"]!["symbol"] = new JsonArray("BTC/USD", "ETH/USD");
        trade["params"]!["snapshot"] = false;
        trade["req_id"] = 1;
        var ticker = Fixture("kraken/spot-ws-v2/ticker.subscribe.request.json");
        ticker["params"]!["symbol"] = new JsonArray("BTC/USD", "ETH/USD");
        ticker["req_id"] = 2;

        var frames = protocol.SubscribeFrames(["BTC/USD", "ETH/USD"]);

        Assert.Equal([trade.ToJsonString(), ticker.ToJsonString()], frames.Select(Tokens));
    }

    [Fact]
    public void Kraken_pings_as_the_fixture_shows_without_a_request_id()
    {
        var protocol = new KrakenSpotProtocol(new KrakenSpotProtocolOptions());
        var ping = Fixture("kraken/spot-ws-v2/ping.request.json");
        ping.Remove("req_id");

        var frame = protocol.PingFrame();

        Assert.Equal(ping.ToJsonString(), Tokens(frame!));
    }

    [Fact]
    public void Coinbase_subscribes_one_channel_per_message_with_heartbeats_and_without_a_token()
    {
        var protocol = new CoinbaseProtocol(new CoinbaseProtocolOptions());
        var expected = new[] { "market_trades", "ticker", "heartbeats" }
            .Select(channel =>
            {
                var request = Fixture($"coinbase/advanced-trade-ws/{channel}.subscribe.request.json");
                request.Remove("jwt");
                if (request.ContainsKey("product_ids"))
                {
                    request["product_ids"] = new JsonArray("BTC-USD", "ETH-USD");
                }

                return request.ToJsonString();
            });

        var frames = protocol.SubscribeFrames(["BTC-USD", "ETH-USD"]);

        Assert.Equal(expected, frames.Select(Tokens));
        Assert.Null(protocol.PingFrame());
    }

    [Fact]
    public void Kraken_futures_subscribes_to_trade_ticker_and_heartbeat_exactly_as_the_fixtures()
    {
        var protocol = new KrakenFuturesProtocol(new KrakenFuturesProtocolOptions());
        string[] expected =
        [
            Fixture("kraken/futures-ws/trade.subscribe.request.PF_XBTUSD.json").ToJsonString(),
            Fixture("kraken/futures-ws/ticker.subscribe.request.PF_XBTUSD.json").ToJsonString(),
            Fixture("kraken/futures-ws/heartbeat.subscribe.request.json").ToJsonString(),
        ];

        var frames = protocol.SubscribeFrames(["PF_XBTUSD"]);

        Assert.Equal(expected, frames.Select(Tokens));
        Assert.Null(protocol.PingFrame());
        Assert.Null(protocol.PingInterval);
    }

    [Fact]
    public void Defaults_point_at_the_public_endpoints_with_heartbeat_derived_silence_timeouts()
    {
        IVenueProtocol[] protocols =
        [
            new KrakenSpotProtocol(new KrakenSpotProtocolOptions()),
            new CoinbaseProtocol(new CoinbaseProtocolOptions()),
            new KrakenFuturesProtocol(new KrakenFuturesProtocolOptions()),
        ];

        var summary = protocols.Select(p => (p.Venue, p.Endpoint.ToString(), p.SilenceTimeout.TotalSeconds, p.PingInterval?.TotalSeconds));

        Assert.Equal(
            [
                ("KRAKEN", "wss://ws.kraken.com/v2", 10, 30),
                ("COINBASE", "wss://advanced-trade-ws.coinbase.com/", 10, null),
                ("KRAKEN_FUTURES", "wss://futures.kraken.com/ws/v1", 30, (double?)null),
            ],
            summary);
    }

    private static JsonObject Fixture(string relativePath) =>
        JsonNode.Parse(SharedFixtures.ReadBytes(relativePath))!.AsObject();

    private static string Tokens(byte[] frame) => JsonNode.Parse(frame)!.ToJsonString();
}
