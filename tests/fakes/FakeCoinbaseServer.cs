using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Trading.FakeVenues;

/// <summary>
/// Coinbase Advanced Trade on loopback, built from the fixtures: the market-data WebSocket at <c>/</c> (one channel per
/// <c>subscribe</c>, a <c>subscriptions</c> ack for each, a <c>market_trades</c> snapshot then updates, <c>ticker</c>,
/// <c>heartbeats</c> once asked for, and one <c>sequence_num</c> counter per connection shared by every channel, from 0)
/// and the public REST ticker endpoint <c>/api/v3/brokerage/market/products/{product_id}/ticker?limit=N</c> (the latest
/// trades, newest first) answering from the tape. Misbehaves on command (see <see cref="FakeVenueServer"/>).
/// </summary>
public sealed class FakeCoinbaseServer : FakeVenueServer
{
    private const string ProductsPath = "/api/v3/brokerage/market/products/";

    private int _dropRemaining;
    private long _retryAfterTicks = TimeSpan.FromSeconds(1).Ticks;

    private FakeCoinbaseServer(TimeSpan heartbeatInterval)
        : base(heartbeatInterval, "/")
    {
    }

    /// <summary>What a rate-limited REST answer (429) asks for in <c>Retry-After</c>, in whole seconds rounded up.</summary>
    public TimeSpan RateLimitRetryAfter
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _retryAfterTicks));
        set => Interlocked.Exchange(ref _retryAfterTicks, value.Ticks);
    }

    public static async Task<FakeCoinbaseServer> StartAsync(TimeSpan heartbeatInterval)
    {
        var server = new FakeCoinbaseServer(heartbeatInterval);
        await server.StartAsync();
        return server;
    }

    /// <summary>
    /// The next <paramref name="count"/> <c>market_trades</c> messages that would be streamed are lost on the way: their
    /// trades are on the tape and their <c>sequence_num</c> is used up, so the client sees a jump.
    /// </summary>
    public void DropNextTradeMessages(int count) => Interlocked.Exchange(ref _dropRemaining, count);

    private protected override Task OnConnectedAsync(FakeSession session) => Task.CompletedTask;

    private protected override async Task OnClientMessageAsync(FakeSession session, JsonObject request)
    {
        if ((string?)request["type"] != "subscribe")
        {
            return;
        }

        var channel = (string?)request["channel"];
        var products = request["product_ids"] is JsonArray list ? list.Select(p => (string?)p).OfType<string>().ToList() : [];
        var accepted = products.Where(p => !IsRejected(p)).ToList();
        if (accepted.Count < products.Count || channel is not ("market_trades" or "ticker" or "heartbeats"))
        {
            // Our assumption: the valid products of the message are still subscribed, as on Kraken.
            await session.SendAsync(() => ErrorFrame(session));
        }

        switch (channel)
        {
            case "market_trades" when accepted.Count > 0:
                session.SubscribeTrades(accepted);
                await session.SendAsync(() => SubscriptionsAck(session));
                foreach (var product in accepted)
                {
                    var recent = Tape(product).TakeLast(TradeSnapshotSize).ToList();
                    await session.SendAsync(() => Json(Envelope(session, "market_trades", TradeEvent("snapshot", recent))));
                }

                await AfterTradeSubscriptionAsync(session, accepted);
                break;
            case "ticker" when accepted.Count > 0:
                session.SubscribeQuotes(accepted);
                await session.SendAsync(() => SubscriptionsAck(session));
                foreach (var quote in accepted.Select(Quote).OfType<FakeQuote>())
                {
                    await session.SendAsync(() => QuoteFrame(session, quote, snapshot: true));
                }

                break;
            case "heartbeats":
                session.Heartbeats = true;
                await session.SendAsync(() => SubscriptionsAck(session));
                break;
        }
    }

    private protected override byte[]? HeartbeatFrame(FakeSession session)
    {
        var frame = Fixture(CoinbaseFixtures.ReadBytes("advanced-trade-ws/heartbeats.observed-integer-counter.json"));
        var beat = frame["events"]![0]!.AsObject();
        var now = Now();
        beat["current_time"] = now.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff '+0000 UTC'", CultureInfo.InvariantCulture);
        beat["heartbeat_counter"] = session.Next("heartbeats");
        return Json(Envelope(session, "heartbeats", frame["events"]!.AsArray(), frame));
    }

    private protected override async Task StreamTradesAsync(FakeSession session, string symbol, IReadOnlyList<FakeTrade> trades)
    {
        if (TryTake(ref _dropRemaining))
        {
            session.NextSequence();
            return;
        }

        await session.SendAsync(() => Json(Envelope(session, "market_trades", TradeEvent("update", trades))));
    }

    private protected override byte[] QuoteFrame(FakeSession session, FakeQuote quote, bool snapshot)
    {
        var frame = Fixture(CoinbaseFixtures.ReadBytes("advanced-trade-ws/ticker.snapshot.json"));
        var events = frame["events"]!.AsArray();
        var tickerEvent = events[0]!.AsObject();
        tickerEvent["type"] = snapshot ? "snapshot" : "update";
        var ticker = tickerEvent["tickers"]![0]!.AsObject();
        ticker["product_id"] = quote.Symbol;
        ticker["best_bid"] = Text(quote.Bid);
        ticker["best_bid_quantity"] = Text(quote.BidQuantity);
        ticker["best_ask"] = Text(quote.Ask);
        ticker["best_ask_quantity"] = Text(quote.AskQuantity);
        return Json(Envelope(session, "ticker", events, frame));
    }

    // A fixed sequence_num: the frame is cut off before the parser could use it, and no number of the connection is used up.
    private protected override byte[] SampleTradeFrame(FakeSession session, string symbol)
    {
        var frame = Fixture(CoinbaseFixtures.ReadBytes("advanced-trade-ws/market_trades.update.observed.json"));
        frame["timestamp"] = WireTime.Iso(Now());
        frame["events"] = TradeEvent("update", [new FakeTrade(symbol, "999999999", 1.5m, 2.5m, "buy", Now())]);
        return Json(frame);
    }

    private protected override byte[] ErrorFrame(FakeSession session) =>
        CoinbaseFixtures.ReadBytes("advanced-trade-ws/error.failure-to-subscribe.json");

    private protected override async Task<bool> HandleRestAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith(ProductsPath, StringComparison.Ordinal) || !path.EndsWith("/ticker", StringComparison.Ordinal))
        {
            return false;
        }

        var product = Uri.UnescapeDataString(path[ProductsPath.Length..^"/ticker".Length]);
        if (!int.TryParse(context.Request.Query["limit"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            await WriteJsonAsync(
                context, """{"error":"INVALID_ARGUMENT","code":3,"message":"limit must be a positive integer"}"""u8.ToArray(), StatusCodes.Status400BadRequest);
            return true;
        }

        // CONSTRUCTED (no fixture of this response): the documented shape, newest trade first, every number a string.
        var trades = new JsonArray();
        foreach (var trade in Tape(product).OrderBy(t => t.Time).TakeLast(limit).Reverse())
        {
            var row = WireTrade(trade);
            row["bid"] = "";
            row["ask"] = "";
            row["exchange"] = "";
            trades.Add(row);
        }

        var quote = Quote(product);
        var body = new JsonObject
        {
            ["trades"] = trades,
            ["best_bid"] = quote is null ? "" : Text(quote.Bid),
            ["best_ask"] = quote is null ? "" : Text(quote.Ask),
        };
        await WriteJsonAsync(context, Json(body));
        return true;
    }

    // CONSTRUCTED from the documented error shape (advanced-trade-rest/error.http.schema-example.json); 8 is gRPC RESOURCE_EXHAUSTED.
    private protected override async Task WriteRateLimitedAsync(HttpContext context)
    {
        var seconds = (long)Math.Ceiling(RateLimitRetryAfter.TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await WriteJsonAsync(
            context, """{"error":"RESOURCE_EXHAUSTED","code":8,"message":"Too many requests"}"""u8.ToArray(), StatusCodes.Status429TooManyRequests);
    }

    private static JsonArray TradeEvent(string type, IReadOnlyList<FakeTrade> trades) =>
        [new JsonObject { ["type"] = type, ["trades"] = new JsonArray([.. trades.Select(t => (JsonNode)WireTrade(t))]) }];

    // `side` on the wire is the MAKER's side (fixture notes): a taker buy lifted a resting sell.
    private static JsonObject WireTrade(FakeTrade trade) => new()
    {
        ["product_id"] = trade.Symbol,
        ["trade_id"] = trade.TradeId,
        ["price"] = Text(trade.Price),
        ["size"] = Text(trade.Quantity),
        ["time"] = WireTime.Iso(trade.Time),
        ["side"] = trade.Side == "buy" ? "SELL" : "BUY",
    };

    /// <summary>The envelope of every Coinbase message; takes the connection's next <c>sequence_num</c>, so build it under the send lock.</summary>
    private static JsonObject Envelope(FakeSession session, string channel, JsonArray events, JsonObject? template = null)
    {
        var frame = template ?? Fixture(CoinbaseFixtures.ReadBytes("advanced-trade-ws/market_trades.update.observed.json"));
        frame["channel"] = channel;
        frame["client_id"] = "";
        frame["timestamp"] = WireTime.Iso(Now());
        frame["sequence_num"] = session.NextSequence();
        if (!ReferenceEquals(frame["events"], events))
        {
            events.Parent?.AsObject().Remove("events");
            frame["events"] = events;
        }

        return frame;
    }

    private static byte[] SubscriptionsAck(FakeSession session)
    {
        var frame = Fixture(CoinbaseFixtures.ReadBytes("advanced-trade-ws/subscriptions.json"));
        var subscriptions = new JsonObject();
        if (session.TradeSymbols.Count > 0)
        {
            subscriptions["market_trades"] = new JsonArray([.. session.TradeSymbols.Select(s => (JsonNode)s)]);
        }

        if (session.QuoteSymbols.Count > 0)
        {
            subscriptions["ticker"] = new JsonArray([.. session.QuoteSymbols.Select(s => (JsonNode)s)]);
        }

        if (session.Heartbeats)
        {
            subscriptions["heartbeats"] = new JsonArray();
        }

        var events = new JsonArray(new JsonObject { ["subscriptions"] = subscriptions });
        return Json(Envelope(session, "subscriptions", events, frame));
    }

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
