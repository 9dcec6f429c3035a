using System.Text;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.Kraken;

public sealed class KrakenSpotFrameParserTests
{
    private readonly KrakenSpotFrameParser _parser = new();

    [Fact]
    public void Venue_is_kraken()
    {
        Assert.Equal("KRAKEN", _parser.Venue);
    }

    [Fact]
    public void Trade_update_becomes_one_trade_with_taker_side()
    {
        var frame = KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(
            new VenueTrade(
                "MATIC/USD",
                "4665906",
                0.5117m,
                40.0m,
                TradeSide.Sell,
                new DateTimeOffset(2023, 9, 25, 7, 49, 37, TimeSpan.Zero).AddTicks(7_087_060)),
            trade);
        Assert.Null(result.Sequence);
    }

    [Fact]
    public void Trade_snapshot_becomes_all_its_trades_in_order()
    {
        var frame = KrakenFixtures.ReadBytes("spot-ws-v2/trade.snapshot.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Equal(["4665846", "4665847"], result.Trades.Select(t => t.TradeId));
        Assert.All(result.Trades, t => Assert.Equal(TradeSide.Buy, t.Side));
        Assert.Equal(1136.19677815m, result.Trades[1].Quantity);
    }

    [Fact]
    public void Repeated_symbol_reuses_one_string_instance()
    {
        var frame = KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json");

        var first = Parse(frame).Trades[0].VenueSymbol;
        var second = Parse(frame).Trades[0].VenueSymbol;

        Assert.Same(first, second);
    }

    [Fact]
    public void Data_before_channel_is_still_parsed()
    {
        var frame = Utf8(
            """{"data":[{"symbol":"BTC/USD","side":"buy","price":"68000.1","qty":0.5,"ord_type":"limit","trade_id":1,"timestamp":"2024-05-01T10:00:00.123456789Z"}],"type":"update","channel":"trade"}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(68000.1m, trade.Price);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567), trade.ExchangeTime);
    }

    [Fact]
    public void Timestamp_with_offset_is_converted_to_utc()
    {
        var frame = Utf8(
            """{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"trade_id":7,"timestamp":"2024-05-01T12:30:00+02:00"}]}""");

        var result = Parse(frame);

        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.Zero), result.Trades[0].ExchangeTime);
        Assert.Equal(TimeSpan.Zero, result.Trades[0].ExchangeTime.Offset);
    }

    [Theory]
    [InlineData("\"price\":0", "positive")]
    [InlineData("\"price\":-1", "positive")]
    [InlineData("\"qty\":0", "positive")]
    [InlineData("\"price\":1e400", "price")]
    [InlineData("\"price\":null", "price")]
    [InlineData("\"side\":\"hold\"", "side")]
    [InlineData("\"trade_id\":\"x\"", "trade_id")]
    [InlineData("\"timestamp\":\"yesterday\"", "timestamp")]
    [InlineData("\"timestamp\":\"2024-02-30T00:00:00Z\"", "timestamp")]
    public void Trade_with_invalid_field_is_malformed(string field, string reasonPart)
    {
        var valid = """{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"trade_id":7,"timestamp":"2024-05-01T12:30:00Z","""
            + field + "}";
        var frame = Utf8("""{"channel":"trade","type":"update","data":[""" + valid + "]}");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.Contains(reasonPart, result.Detail);
        Assert.Empty(result.Trades);
    }

    [Fact]
    public void Trade_without_timestamp_is_malformed()
    {
        var frame = Utf8("""{"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":1,"qty":1,"trade_id":7}]}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Malformed, result.Kind);
    }

    [Theory]
    [InlineData("spot-ws-v2/ticker.snapshot.json", 1361.44813783)]
    [InlineData("spot-ws-v2/ticker.update.json", 740.0)]
    public void Ticker_becomes_a_quote(string file, double askQuantity)
    {
        var frame = KrakenFixtures.ReadBytes(file);

        var result = Parse(frame);

        Assert.Equal(FrameKind.Quotes, result.Kind);
        var quote = Assert.Single(result.Quotes);
        Assert.Equal("ALGO/USD", quote.VenueSymbol);
        Assert.Equal(0.10025m, quote.BidPrice);
        Assert.Equal(740.0m, quote.BidQuantity);
        Assert.Equal((decimal)askQuantity, quote.AskQuantity);
        Assert.Equal(new DateTimeOffset(2023, 9, 25, 9, 4, 31, TimeSpan.Zero).AddTicks(7_426_480), quote.ExchangeTime);
    }

    [Fact]
    public void Ticker_without_timestamp_leaves_exchange_time_for_the_caller_to_stamp()
    {
        var frame = Utf8("""{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":1.5,"bid_qty":2,"ask":1.6,"ask_qty":3}]}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Quotes, result.Kind);
        Assert.Equal(default, result.Quotes[0].ExchangeTime);
    }

    [Fact]
    public void Heartbeat_is_heartbeat()
    {
        var result = Parse(KrakenFixtures.ReadBytes("spot-ws-v2/heartbeat.json"));

        Assert.Equal(FrameKind.Heartbeat, result.Kind);
    }

    [Fact]
    public void Status_carries_the_system_state()
    {
        var result = Parse(KrakenFixtures.ReadBytes("spot-ws-v2/status.update.json"));

        Assert.Equal(FrameKind.Status, result.Kind);
        Assert.Equal("online", result.Detail);
    }

    [Theory]
    [InlineData("spot-ws-v2/trade.subscribe.ack.json")]
    [InlineData("spot-ws-v2/trade.unsubscribe.ack.json")]
    [InlineData("spot-ws-v2/ticker.subscribe.ack.json")]
    [InlineData("spot-ws-v2/ticker.unsubscribe.ack.json")]
    [InlineData("spot-ws-v2/book.subscribe.ack.ALGO-USD.json")]
    [InlineData("spot-ws-v2/book.subscribe.ack.MATIC-USD.json")]
    [InlineData("spot-ws-v2/book.unsubscribe.ack.json")]
    [InlineData("spot-ws-v2/ohlc.subscribe.ack.ALGO-USD.json")]
    [InlineData("spot-ws-v2/ohlc.subscribe.ack.MATIC-USD.json")]
    [InlineData("spot-ws-v2/ohlc.unsubscribe.ack.json")]
    public void Successful_ack_is_subscribed(string file)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.Subscribed, result.Kind);
    }

    [Theory]
    [InlineData("spot-ws-v2/error.subscribe.unsupported-pair.json", "Currency pair not supported XBT/USD")]
    [InlineData("spot-ws-v2/error.subscribe.already-subscribed.json", "Already subscribed")]
    [InlineData("spot-ws-v2/error.subscribe.invalid-session.json", "ESession:Invalid session")]
    [InlineData("spot-ws-v2/error.subscribe.private-channel-on-public-host.json", "Private data and trading are unavailable on this endpoint. Try ws-auth.kraken.com")]
    [InlineData("spot-ws-v2/error.subscribe.public-channel-on-private-host.json", "Public market data subscriptions are unavailable on this endpoint. Try ws.kraken.com")]
    public void Failed_ack_is_a_venue_error_with_its_text(string file, string error)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.VenueError, result.Kind);
        Assert.Equal(error, result.Detail);
    }

    [Fact]
    public void Pong_is_pong()
    {
        var result = Parse(KrakenFixtures.ReadBytes("spot-ws-v2/pong.response.json"));

        Assert.Equal(FrameKind.Pong, result.Kind);
    }

    [Theory]
    [InlineData("spot-ws-v2/book.snapshot.json")]
    [InlineData("spot-ws-v2/book.update.json")]
    [InlineData("spot-ws-v2/ohlc.snapshot.json")]
    [InlineData("spot-ws-v2/ohlc.update.json")]
    public void Channels_we_do_not_use_are_ignored(string file)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.Ignored, result.Kind);
    }

    [Fact]
    public void Instrument_channel_is_ignored()
    {
        var result = Parse(Utf8("""{"channel":"instrument","type":"snapshot","data":{"assets":[],"pairs":[]}}"""));

        Assert.Equal(FrameKind.Ignored, result.Kind);
    }

    [Fact]
    public void Every_line_of_the_book_session_stream_is_classified()
    {
        var lines = File.ReadAllLines(KrakenFixtures.PathOf("spot-ws-v2/stream.book-session.server-to-client.jsonl"));

        var kinds = lines.Select(line => Parse(Utf8(line)).Kind).ToArray();

        Assert.Equal(
            [FrameKind.Status, FrameKind.Subscribed, FrameKind.Ignored, FrameKind.Ignored, FrameKind.Heartbeat],
            kinds);
    }

    [Fact]
    public void Every_server_fixture_is_classified_without_malformed()
    {
        var files = KrakenFixtures.Files("spot-ws-v2")
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) && !f.Contains(".request.") && !f.Contains("test-vector"));

        var kinds = files.ToDictionary(f => f, f => Parse(KrakenFixtures.ReadBytes(f)).Kind);

        Assert.NotEmpty(kinds);
        Assert.DoesNotContain(kinds, pair => pair.Value is FrameKind.Malformed or FrameKind.None);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"channel\":\"trade\"")]
    [InlineData("[1,2]")]
    [InlineData("{}")]
    [InlineData("{\"channel\":\"heartbeat\"} x")]
    public void Broken_frames_are_malformed(string text)
    {
        var result = Parse(Utf8(text));

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void Truncated_json_reports_invalid_json()
    {
        var frame = KrakenFixtures.ReadBytes("spot-ws-v2/trade.update.json");

        var result = Parse(frame[..(frame.Length / 2)]);

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.StartsWith("invalid JSON: ", result.Detail);
    }

    private ParsedFrame Parse(byte[] frame)
    {
        var result = new ParsedFrame();
        _parser.Parse(frame, result);
        return result;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
