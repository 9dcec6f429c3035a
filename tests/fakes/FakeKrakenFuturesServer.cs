using System.Globalization;
using System.Text.Json.Nodes;

namespace Trading.FakeVenues;

/// <summary>
/// Kraken Futures WebSocket v1 on loopback at <c>/ws/v1</c>, built from the fixtures: <c>info</c> on connect, a
/// <c>subscribed</c> ack per feed, a <c>trade_snapshot</c> (newest first) per product then <c>trade</c> deltas with a
/// per-subscription <c>seq</c>, <c>ticker</c>, and the opt-in <c>heartbeat</c> feed. Trade times are milliseconds and
/// trade ids are uids. There is no REST trade history here: the service has no futures backfill. Misbehaves on command
/// (see <see cref="FakeVenueServer"/>).
/// </summary>
public sealed class FakeKrakenFuturesServer : FakeVenueServer
{
    private FakeKrakenFuturesServer(TimeSpan heartbeatInterval)
        : base(heartbeatInterval, "/ws/v1")
    {
    }

    public static async Task<FakeKrakenFuturesServer> StartAsync(TimeSpan heartbeatInterval)
    {
        var server = new FakeKrakenFuturesServer(heartbeatInterval);
        await server.StartAsync();
        return server;
    }

    private protected override TimeSpan TimeResolution => TimeSpan.FromMilliseconds(1);

    // Uids are unique across products; these are deterministic and uid-shaped.
    private protected override string FormatTradeId(string symbol, long number)
    {
        var product = symbol.Aggregate(17u, (hash, c) => unchecked((hash * 31) + c)) & 0xffff;
        return string.Create(CultureInfo.InvariantCulture, $"00000000-{product:x4}-4000-8000-{number:x12}");
    }

    private protected override Task OnConnectedAsync(FakeSession session) =>
        session.SendAsync(KrakenFixtures.ReadBytes("futures-ws/info.on-connect.json"));

    private protected override async Task OnClientMessageAsync(FakeSession session, JsonObject request)
    {
        if ((string?)request["event"] != "subscribe")
        {
            return;
        }

        var feed = (string?)request["feed"];
        var products = request["product_ids"] is JsonArray list ? list.Select(p => (string?)p).OfType<string>().ToList() : [];
        var rejected = products.Where(IsRejected).ToList();
        var accepted = products.Except(rejected).ToList();

        // Our assumption: one error per rejected product, and the others are subscribed.
        foreach (var _ in rejected)
        {
            await session.SendAsync(KrakenFixtures.ReadBytes("futures-ws/error.invalid-product-id.json"));
        }

        switch (feed)
        {
            case "trade" when accepted.Count > 0:
                session.SubscribeTrades(accepted);
                await session.SendAsync(Json(Subscribed("trade", accepted)));
                foreach (var product in accepted)
                {
                    var recent = Tape(product).TakeLast(TradeSnapshotSize).Reverse().ToList();
                    await session.SendAsync(() => Json(Snapshot(session, product, recent)));
                }

                await AfterTradeSubscriptionAsync(session, accepted);
                break;
            case "ticker" when accepted.Count > 0:
                session.SubscribeQuotes(accepted);
                await session.SendAsync(Json(Subscribed("ticker", accepted)));
                foreach (var quote in accepted.Select(Quote).OfType<FakeQuote>())
                {
                    await session.SendAsync(() => QuoteFrame(session, quote, snapshot: true));
                }

                break;
            case "heartbeat":
                session.Heartbeats = true;
                await session.SendAsync(KrakenFixtures.ReadBytes("futures-ws/heartbeat.subscribed.json"));
                break;
            case "trade" or "ticker":
                break;
            default:
                await session.SendAsync(KrakenFixtures.ReadBytes("futures-ws/error.json-error.json"));
                break;
        }
    }

    private protected override byte[]? HeartbeatFrame(FakeSession session)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes("futures-ws/heartbeat.json"));
        frame["time"] = WireTime.UnixMilliseconds(Now());
        return Json(frame);
    }

    private protected override async Task StreamTradesAsync(FakeSession session, string symbol, IReadOnlyList<FakeTrade> trades)
    {
        foreach (var trade in trades)
        {
            await session.SendAsync(() => Json(Delta(trade, session.Next("trade:" + trade.Symbol))));
        }
    }

    private protected override byte[] QuoteFrame(FakeSession session, FakeQuote quote, bool snapshot)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes("futures-ws/ticker.PF_ETHUSD.json"));
        frame["time"] = WireTime.UnixMilliseconds(quote.Time);
        frame["product_id"] = quote.Symbol;
        frame["bid"] = quote.Bid;
        frame["bid_size"] = quote.BidQuantity;
        frame["ask"] = quote.Ask;
        frame["ask_size"] = quote.AskQuantity;
        return Json(frame);
    }

    private protected override byte[] SampleTradeFrame(FakeSession session, string symbol) =>
        Json(Delta(new FakeTrade(symbol, "ffffffff-ffff-4fff-bfff-ffffffffffff", 1.5m, 2.5m, "buy", Now()), 1));

    private protected override byte[] ErrorFrame(FakeSession session) => KrakenFixtures.ReadBytes("futures-ws/error.json-error.json");

    // `side` is the taker's side on Kraken Futures (fixture notes).
    private static JsonObject Delta(FakeTrade trade, long seq)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes("futures-ws/trade.delta.PI_XBTUSD.json"));
        frame["product_id"] = trade.Symbol;
        frame["uid"] = trade.TradeId;
        frame["side"] = trade.Side;
        frame["seq"] = seq;
        frame["time"] = WireTime.UnixMilliseconds(trade.Time);
        frame["qty"] = trade.Quantity;
        frame["price"] = trade.Price;
        return frame;
    }

    private static JsonObject Snapshot(FakeSession session, string product, IReadOnlyList<FakeTrade> newestFirst)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes("futures-ws/trade_snapshot.PI_XBTUSD.json"));
        frame["product_id"] = product;
        var items = new JsonArray();
        var seqs = newestFirst.Select(_ => session.Next("trade:" + product)).Reverse().ToList();
        for (var i = 0; i < newestFirst.Count; i++)
        {
            items.Add(Delta(newestFirst[i], seqs[i]));
        }

        frame["trades"] = items;
        return frame;
    }

    private static JsonObject Subscribed(string feed, IReadOnlyList<string> products)
    {
        var ack = Fixture(KrakenFixtures.ReadBytes("futures-ws/trade.subscribed.PF_XBTUSD.json"));
        ack["feed"] = feed;
        ack["product_ids"] = new JsonArray([.. products.Select(p => (JsonNode)p)]);
        return ack;
    }
}
