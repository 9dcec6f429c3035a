using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Trading.FakeVenues;

/// <summary>
/// Kraken Spot on loopback, built from the fixtures: the WebSocket v2 API at <c>/v2</c> (<c>status</c> on connect, one ack
/// per subscribed symbol, <c>pong</c>, a heartbeat while subscribed, trade and ticker snapshots when asked for, trade
/// updates) and the public REST <c>/0/public/Trades</c> endpoint, which answers from the tape with Kraken's nanosecond
/// <c>since</c>/<c>last</c> cursor. Misbehaves on command (see <see cref="FakeVenueServer"/>).
/// </summary>
public sealed class FakeKrakenSpotServer : FakeVenueServer
{
    /// <summary>Kraken returns at most this many trades per Trades call.</summary>
    public const int TradesPageSize = 1000;

    // Pair id, altname and WebSocket v2 name (spot-rest/public-assetpairs.response.json for XXBTZUSD; the others follow
    // Kraken's naming, as in the service's SymbolMap). Results are keyed by the pair id whichever name was asked.
    private static readonly (string PairId, string Altname, string Symbol)[] RestPairs =
    [
        ("XXBTZUSD", "XBTUSD", "BTC/USD"),
        ("XETHZUSD", "ETHUSD", "ETH/USD"),
        ("SOLUSD", "SOLUSD", "SOL/USD"),
        ("XBTUSDT", "XBTUSDT", "BTC/USDT"),
    ];

    private FakeKrakenSpotServer(TimeSpan heartbeatInterval)
        : base(heartbeatInterval, "/v2")
    {
    }

    public static async Task<FakeKrakenSpotServer> StartAsync(TimeSpan heartbeatInterval)
    {
        var server = new FakeKrakenSpotServer(heartbeatInterval);
        await server.StartAsync();
        return server;
    }

    /// <summary>
    /// Puts a trade with this id on the tape and sends it on the newest connection (waiting for the first one) unless that
    /// connection is closed or silent, whether or not it subscribed.
    /// </summary>
    /// <param name="exchangeTime">The trade's venue time; the current time (never before the symbol's previous trade) when not given.</param>
    public async Task SendTradeAsync(
        string symbol,
        decimal price,
        decimal quantity,
        long tradeId,
        CancellationToken cancellationToken,
        int fragmentBytes = 0,
        DateTimeOffset? exchangeTime = null)
    {
        var session = await CurrentAsync(cancellationToken);
        var trade = Record(symbol, price, quantity, "sell", tradeId.ToString(CultureInfo.InvariantCulture), exchangeTime);
        await session.SendAsync(() => Json(TradeFrame("update", [trade])), fragmentBytes);
    }

    private protected override TimeSpan TimeResolution => TimeSpan.FromTicks(10);

    private protected override Task OnConnectedAsync(FakeSession session) =>
        session.SendAsync(KrakenFixtures.ReadBytes("spot-ws-v2/status.update.json"));

    private protected override async Task OnClientMessageAsync(FakeSession session, JsonObject request)
    {
        var method = (string?)request["method"];
        var requestId = request["req_id"];
        var now = WireTime.Iso(Now());
        if (method == "ping")
        {
            await session.SendAsync(Json(new JsonObject { ["method"] = "pong", ["req_id"] = requestId?.DeepClone(), ["time_in"] = now, ["time_out"] = now }));
            return;
        }

        if (method != "subscribe" || request["params"] is not JsonObject parameters || (string?)parameters["channel"] is not { } channel)
        {
            return;
        }

        var symbols = parameters["symbol"] is JsonArray list ? list.Select(s => (string?)s).OfType<string>().ToList() : [];
        var accepted = symbols.Where(s => !IsRejected(s)).ToList();
        var snapshot = (bool?)parameters["snapshot"] ?? true;

        // Marked before the acks go out, so a trade appended from now on is streamed (see AppendTradeAsync).
        if (channel == "trade")
        {
            session.SubscribeTrades(accepted);
        }
        else if (channel == "ticker")
        {
            session.SubscribeQuotes(accepted);
        }

        // Kraken sends heartbeats once a first subscription succeeded.
        if (accepted.Count > 0)
        {
            session.Heartbeats = true;
        }

        foreach (var symbol in symbols)
        {
            await session.SendAsync(Json(IsRejected(symbol) ? ErrorAck(symbol, requestId, now) : Ack(channel, symbol, snapshot, requestId, now)));
        }

        if (channel == "trade")
        {
            if (snapshot)
            {
                foreach (var symbol in accepted)
                {
                    await session.SendAsync(Json(TradeFrame("snapshot", Tape(symbol).TakeLast(TradeSnapshotSize).ToList())));
                }
            }

            await AfterTradeSubscriptionAsync(session, accepted);
        }
        else if (channel == "ticker" && snapshot)
        {
            foreach (var quote in accepted.Select(Quote).OfType<FakeQuote>())
            {
                await session.SendAsync(() => QuoteFrame(session, quote, snapshot: true));
            }
        }
    }

    private protected override byte[]? HeartbeatFrame(FakeSession session) => KrakenFixtures.ReadBytes("spot-ws-v2/heartbeat.json");

    private protected override async Task StreamTradesAsync(FakeSession session, string symbol, IReadOnlyList<FakeTrade> trades) =>
        await session.SendAsync(() => Json(TradeFrame("update", trades)));

    private protected override byte[] QuoteFrame(FakeSession session, FakeQuote quote, bool snapshot)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes(snapshot ? "spot-ws-v2/ticker.snapshot.json" : "spot-ws-v2/ticker.update.json"));
        var ticker = frame["data"]![0]!.AsObject();
        ticker["symbol"] = quote.Symbol;
        ticker["bid"] = quote.Bid;
        ticker["bid_qty"] = quote.BidQuantity;
        ticker["ask"] = quote.Ask;
        ticker["ask_qty"] = quote.AskQuantity;
        ticker["timestamp"] = WireTime.Iso(quote.Time);
        return Json(frame);
    }

    private protected override byte[] SampleTradeFrame(FakeSession session, string symbol) =>
        Json(TradeFrame("update", [new FakeTrade(symbol, "999999999", 1.5m, 2.5m, "buy", Now())]));

    private protected override byte[] ErrorFrame(FakeSession session)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes("spot-ws-v2/error.subscribe.already-subscribed.json"));
        var now = WireTime.Iso(Now());
        frame["time_in"] = now;
        frame["time_out"] = now;
        return Json(frame);
    }

    private protected override async Task<bool> HandleRestAsync(HttpContext context)
    {
        if (context.Request.Path != "/0/public/Trades")
        {
            return false;
        }

        var pair = context.Request.Query["pair"].ToString();
        var known = RestPairs.Where(p => p.PairId == pair || p.Altname == pair).ToList();
        if (known.Count == 0)
        {
            await WriteJsonAsync(context, KrakenFixtures.ReadBytes("spot-rest/error.EQuery-Unknown-asset-pair.json"));
            return true;
        }

        long? since = null;
        var sinceText = context.Request.Query["since"].ToString();
        if (sinceText.Length > 0)
        {
            if (!long.TryParse(sinceText, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                await WriteJsonAsync(context, KrakenFixtures.ReadBytes("spot-rest/error.EGeneral-Invalid-arguments.json"));
                return true;
            }

            since = cursor;
        }

        // Our reading of `since`: trades at or after the cursor. Without one, Kraken answers with the most recent trades.
        var (pairId, _, symbol) = known[0];
        var ordered = Tape(symbol).OrderBy(t => t.Time).ToList();
        var page = since is { } from
            ? ordered.Where(t => WireTime.UnixNanoseconds(t.Time) >= from).Take(TradesPageSize).ToList()
            : ordered.TakeLast(TradesPageSize).ToList();
        var last = page.Count > 0 ? WireTime.UnixNanoseconds(page[^1].Time) : since ?? WireTime.UnixNanoseconds(Now());

        var rows = new JsonArray();
        foreach (var trade in page)
        {
            rows.Add(new JsonArray(
                trade.Price.ToString(CultureInfo.InvariantCulture),
                trade.Quantity.ToString(CultureInfo.InvariantCulture),
                WireTime.UnixSeconds(trade.Time),
                trade.Side == "buy" ? "b" : "s",
                "m",
                "",
                long.Parse(trade.TradeId, CultureInfo.InvariantCulture)));
        }

        var body = new JsonObject
        {
            ["error"] = new JsonArray(),
            ["result"] = new JsonObject { [pairId] = rows, ["last"] = last.ToString(CultureInfo.InvariantCulture) },
        };
        await WriteJsonAsync(context, Json(body));
        return true;
    }

    // Kraken answers HTTP 200 with an error body when its REST rate limit is exceeded.
    private protected override Task WriteRateLimitedAsync(HttpContext context) =>
        WriteJsonAsync(context, KrakenFixtures.ReadBytes("spot-rest/error.EAPI-Rate-limit-exceeded.json"));

    private static JsonObject TradeFrame(string type, IReadOnlyList<FakeTrade> trades)
    {
        var frame = Fixture(KrakenFixtures.ReadBytes(type == "snapshot" ? "spot-ws-v2/trade.snapshot.json" : "spot-ws-v2/trade.update.json"));
        var template = frame["data"]![0]!.AsObject();
        var data = new JsonArray();
        foreach (var trade in trades)
        {
            var item = template.DeepClone().AsObject();
            item["symbol"] = trade.Symbol;
            item["side"] = trade.Side;
            item["price"] = trade.Price;
            item["qty"] = trade.Quantity;
            item["ord_type"] = "market";
            item["trade_id"] = long.Parse(trade.TradeId, CultureInfo.InvariantCulture);
            item["timestamp"] = WireTime.Iso(trade.Time);
            data.Add(item);
        }

        frame["data"] = data;
        return frame;
    }

    private static JsonObject Ack(string channel, string symbol, bool snapshot, JsonNode? requestId, string now)
    {
        var ack = Fixture(KrakenFixtures.ReadBytes("spot-ws-v2/trade.subscribe.ack.json"));
        ack["result"] = new JsonObject { ["channel"] = channel, ["snapshot"] = snapshot, ["symbol"] = symbol };
        return WithRequestIdAndTimes(ack, requestId, now);
    }

    private static JsonObject ErrorAck(string symbol, JsonNode? requestId, string now)
    {
        var ack = Fixture(KrakenFixtures.ReadBytes("spot-ws-v2/error.subscribe.unsupported-pair.json"));
        ack["error"] = $"Currency pair not supported {symbol}";
        ack["symbol"] = symbol;
        return WithRequestIdAndTimes(ack, requestId, now);
    }

    // Kraken echoes req_id right after the method when the request carried one.
    private static JsonObject WithRequestIdAndTimes(JsonObject ack, JsonNode? requestId, string now)
    {
        var ordered = new JsonObject();
        foreach (var (name, value) in ack.ToList())
        {
            ack.Remove(name);
            ordered[name] = name is "time_in" or "time_out" ? now : value;
            if (name == "method" && requestId is not null)
            {
                ordered["req_id"] = requestId.DeepClone();
            }
        }

        return ordered;
    }
}
