using System.Text;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.KrakenFutures;
using Trading.MarketData.Tests.Exchange.Kraken;

namespace Trading.MarketData.Tests.Exchange.KrakenFutures;

public sealed class KrakenFuturesFrameParserTests
{
    private readonly KrakenFuturesFrameParser _parser = new();

    [Fact]
    public void Venue_is_kraken_futures()
    {
        Assert.Equal("KRAKEN_FUTURES", _parser.Venue);
    }

    [Fact]
    public void Trade_delta_becomes_one_trade_with_its_sequence()
    {
        var frame = KrakenFixtures.ReadBytes("futures-ws/trade.delta.PI_XBTUSD.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Equal(
            new VenueTrade(
                "PI_XBTUSD",
                "05af78ac-a774-478c-a50c-8b9c234e071e",
                34969.5m,
                15000m,
                TradeSide.Sell,
                DateTimeOffset.FromUnixTimeMilliseconds(1612266317519)),
            Assert.Single(result.Trades));
        Assert.Equal(653355, result.Sequence);
    }

    [Fact]
    public void Trade_snapshot_becomes_all_trades_with_the_highest_sequence()
    {
        var frame = KrakenFixtures.ReadBytes("futures-ws/trade_snapshot.PI_XBTUSD.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Equal(
            ["caa9c653-420b-4c24-a9f1-462a054d86f1", "45ee9737-1877-4682-bc68-e4ef818ef88a"],
            result.Trades.Select(t => t.TradeId));
        Assert.Equal([34893m, 34891m], result.Trades.Select(t => t.Price));
        Assert.Equal(655508, result.Sequence);
    }

    [Fact]
    public void Ticker_becomes_a_quote_with_sizes()
    {
        var frame = KrakenFixtures.ReadBytes("futures-ws/ticker.PF_ETHUSD.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Quotes, result.Kind);
        Assert.Equal(
            new VenueQuote("PF_ETHUSD", 1751.6m, 1.459m, 1751.7m, 2.886m, DateTimeOffset.FromUnixTimeMilliseconds(1783587648112)),
            Assert.Single(result.Quotes));
    }

    [Fact]
    public void Inverse_ticker_becomes_a_quote()
    {
        var result = Parse(KrakenFixtures.ReadBytes("futures-ws/ticker.PI_XBTUSD.json"));

        Assert.Equal(FrameKind.Quotes, result.Kind);
        Assert.Equal(21978.5m, result.Quotes[0].BidPrice);
        Assert.Equal(13948.0m, result.Quotes[0].AskQuantity);
    }

    [Fact]
    public void Option_ticker_is_ignored()
    {
        var result = Parse(KrakenFixtures.ReadBytes("futures-ws/ticker.option.OF_ETHUSD_240101_1000_C.json"));

        Assert.Equal(FrameKind.Ignored, result.Kind);
    }

    [Fact]
    public void Heartbeat_is_heartbeat()
    {
        var result = Parse(KrakenFixtures.ReadBytes("futures-ws/heartbeat.json"));

        Assert.Equal(FrameKind.Heartbeat, result.Kind);
    }

    [Fact]
    public void Info_on_connect_is_status()
    {
        var result = Parse(KrakenFixtures.ReadBytes("futures-ws/info.on-connect.json"));

        Assert.Equal(FrameKind.Status, result.Kind);
        Assert.Equal("info version 1", result.Detail);
    }

    [Theory]
    [InlineData("futures-ws/heartbeat.subscribed.json")]
    [InlineData("futures-ws/ticker.subscribed.PF_XBTUSD.json")]
    [InlineData("futures-ws/ticker.subscribed.PI_XBTUSD.json")]
    [InlineData("futures-ws/trade.subscribed.PF_XBTUSD.json")]
    [InlineData("futures-ws/trade.subscribed.PI_XBTUSD.json")]
    public void Subscribed_event_is_subscribed(string file)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.Subscribed, result.Kind);
    }

    [Theory]
    [InlineData("futures-ws/error.invalid-product-id.json", "Invalid product id")]
    [InlineData("futures-ws/error.json-error.json", "Json Error")]
    public void Error_event_is_a_venue_error_with_its_message(string file, string message)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.VenueError, result.Kind);
        Assert.Equal(message, result.Detail);
    }

    [Fact]
    public void Alert_event_is_a_venue_error()
    {
        var result = Parse(Utf8("""{"event":"alert","message":"Bad websocket message"}"""));

        Assert.Equal(FrameKind.VenueError, result.Kind);
        Assert.Equal("Bad websocket message", result.Detail);
    }

    [Theory]
    [InlineData("futures-ws/book.delta.PI_XBTUSD.json")]
    [InlineData("futures-ws/book_snapshot.PI_XBTUSD.json")]
    [InlineData("futures-ws/challenge.response.json")]
    public void Feeds_and_events_we_do_not_use_are_ignored(string file)
    {
        var result = Parse(KrakenFixtures.ReadBytes(file));

        Assert.Equal(FrameKind.Ignored, result.Kind);
    }

    [Theory]
    [InlineData("\"price\":0", "positive")]
    [InlineData("\"qty\":-5", "positive")]
    [InlineData("\"price\":\"abc\"", "price")]
    [InlineData("\"side\":\"long\"", "side")]
    [InlineData("\"time\":1e30", "time")]
    [InlineData("\"seq\":\"x\"", "seq")]
    [InlineData("\"uid\":7", "uid")]
    public void Trade_with_invalid_field_is_malformed(string field, string reasonPart)
    {
        var frame = Utf8(
            """{"feed":"trade","product_id":"PF_XBTUSD","uid":"u1","side":"buy","type":"fill","seq":1,"time":1612266317519,"qty":1,"price":2,"""
            + field + "}");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.Contains(reasonPart, result.Detail);
        Assert.Empty(result.Trades);
    }

    [Fact]
    public void Trade_without_uid_is_malformed()
    {
        var result = Parse(Utf8("""{"feed":"trade","product_id":"PF_XBTUSD","side":"buy","time":1612266317519,"qty":1,"price":2}"""));

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.Equal("trade lacks uid", result.Detail);
    }

    [Fact]
    public void String_numbers_are_read_as_decimals()
    {
        var result = Parse(Utf8("""{"feed":"trade","product_id":"PF_XBTUSD","uid":"u1","side":"buy","time":1612266317519,"qty":"0.0001","price":"68000.5"}"""));

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Equal(68000.5m, result.Trades[0].Price);
        Assert.Equal(0.0001m, result.Trades[0].Quantity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"feed\":\"trade\",")]
    [InlineData("\"trade\"")]
    public void Broken_frames_are_malformed(string text)
    {
        var result = Parse(Utf8(text));

        Assert.Equal(FrameKind.Malformed, result.Kind);
    }

    private ParsedFrame Parse(byte[] frame)
    {
        var result = new ParsedFrame();
        _parser.Parse(frame, result);
        return result;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
