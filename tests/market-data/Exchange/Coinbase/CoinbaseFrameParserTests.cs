using System.Text;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Coinbase;

namespace Trading.MarketData.Tests.Exchange.Coinbase;

public sealed class CoinbaseFrameParserTests
{
    private const string Ws = "advanced-trade-ws/";

    private readonly CoinbaseFrameParser _parser = new();

    public static TheoryData<string, FrameKind> ReceivedFixtures => new()
    {
        { "candles.snapshot.json", FrameKind.Ignored },
        { "candles.update.json", FrameKind.Ignored },
        { "error.authentication-failure.json", FrameKind.VenueError },
        { "error.failure-to-subscribe.json", FrameKind.VenueError },
        { "futures_balance_summary.json", FrameKind.Ignored },
        { "heartbeats.json", FrameKind.Heartbeat },
        { "heartbeats.observed-integer-counter.json", FrameKind.Heartbeat },
        { "l2_data.snapshot.json", FrameKind.Ignored },
        { "l2_data.update.json", FrameKind.Ignored },
        { "market_trades.snapshot.json", FrameKind.Trades },
        { "market_trades.update.observed.json", FrameKind.Trades },
        { "status.snapshot.json", FrameKind.Ignored },
        { "subscriptions.json", FrameKind.Subscribed },
        { "subscriptions.user.observed.json", FrameKind.Subscribed },
        { "ticker.snapshot.json", FrameKind.Quotes },
        { "user.snapshot.empty.observed.json", FrameKind.Ignored },
        { "user.snapshot.json", FrameKind.Ignored },
    };

    [Fact]
    public void Venue_is_coinbase()
    {
        Assert.Equal("COINBASE", _parser.Venue);
    }

    [Theory]
    [MemberData(nameof(ReceivedFixtures))]
    public void Fixture_frame_maps_to_its_kind(string file, FrameKind expected)
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + file);

        var result = Parse(frame);

        Assert.Equal(expected, result.Kind);
    }

    [Fact]
    public void Every_received_fixture_file_has_an_expected_kind()
    {
        var covered = ReceivedFixtures.Select(row => (string)row[0]).ToHashSet();

        var files = Directory.GetFiles(Path.Combine(CoinbaseFixtures.Directory, "advanced-trade-ws"), "*.json")
            .Select(Path.GetFileName)
            .Where(name => !name!.Contains(".request", StringComparison.Ordinal));

        Assert.All(files, name => Assert.Contains(name!, covered));
    }

    [Fact]
    public void Our_own_subscribe_requests_never_parse_as_market_data()
    {
        var requests = Directory.GetFiles(Path.Combine(CoinbaseFixtures.Directory, "advanced-trade-ws"), "*.request*.json");

        var kinds = requests.Select(path => Parse(File.ReadAllBytes(path)).Kind).ToList();

        Assert.NotEmpty(kinds);
        Assert.All(kinds, kind => Assert.Contains(kind, new[] { FrameKind.Ignored, FrameKind.Malformed }));
    }

    [Fact]
    public void Market_trades_snapshot_yields_the_documented_trade()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "market_trades.snapshot.json");

        var result = Parse(frame);

        Assert.Equal(0, result.Sequence);
        var trade = Assert.Single(result.Trades);
        Assert.Equal(
            new VenueTrade("ETH-USD", "000000000", 1260.01m, 0.3m, TradeSide.Sell, new DateTimeOffset(2019, 8, 14, 20, 42, 27, 265, TimeSpan.Zero)),
            trade);
        Assert.Equal(2, decimal.GetBits(trade.Price)[3] >> 16 & 0xFF);
    }

    [Fact]
    public void Market_trades_update_yields_every_trade_in_order()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "market_trades.update.observed.json");

        var result = Parse(frame);

        var time = new DateTimeOffset(2026, 9, 30, 1, 41, 25, TimeSpan.Zero).AddTicks(3752320);
        Assert.Equal(5, result.Sequence);
        Assert.Equal(
            [
                new VenueTrade("ETH-USD", "846149798", 2668.35m, 0.03710506m, TradeSide.Buy, time),
                new VenueTrade("ETH-USD", "846149799", 2668.36m, 1m, TradeSide.Sell, time),
            ],
            result.Trades);
    }

    [Fact]
    public void Ticker_yields_best_bid_and_ask_at_the_envelope_time()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "ticker.snapshot.json");

        var result = Parse(frame);

        var quote = Assert.Single(result.Quotes);
        Assert.Equal("BTC-USD", quote.VenueSymbol);
        Assert.Equal(21931.98m, quote.BidPrice);
        Assert.Equal(8000.21m, quote.BidQuantity);
        Assert.Equal(21933.98m, quote.AskPrice);
        Assert.Equal(8038.07770938m, quote.AskQuantity);
        Assert.Equal(new DateTimeOffset(2023, 2, 9, 20, 30, 37, TimeSpan.Zero).AddTicks(1673595), quote.ExchangeTime);
    }

    [Fact]
    public void Nanosecond_times_are_truncated_to_100_ns_not_rounded()
    {
        var frame = Trades("""{"product_id":"BTC-USD","trade_id":"1","price":"1","size":"1","side":"BUY","time":"2026-01-02T03:04:05.123456789Z"}""");

        var result = Parse(frame);

        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234567), Assert.Single(result.Trades).ExchangeTime);
    }

    [Fact]
    public void Time_with_an_offset_is_converted_to_utc()
    {
        var frame = Trades("""{"product_id":"BTC-USD","trade_id":"1","price":"1","size":"1","side":"SELL","time":"2026-01-02T03:04:05+01:30"}""");

        var result = Parse(frame);

        var time = Assert.Single(result.Trades).ExchangeTime;
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 34, 5, TimeSpan.Zero), time);
        Assert.Equal(TimeSpan.Zero, time.Offset);
    }

    [Fact]
    public void Heartbeat_counter_may_be_a_string_or_an_integer()
    {
        var documented = Parse(CoinbaseFixtures.ReadBytes(Ws + "heartbeats.json"));
        var observed = Parse(CoinbaseFixtures.ReadBytes(Ws + "heartbeats.observed-integer-counter.json"));

        Assert.Equal(FrameKind.Heartbeat, documented.Kind);
        Assert.Equal(FrameKind.Heartbeat, observed.Kind);
        Assert.Equal(3, observed.Sequence);
    }

    [Fact]
    public void Error_frame_carries_the_venue_message()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "error.failure-to-subscribe.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.VenueError, result.Kind);
        Assert.Equal("failure to subscribe", result.Detail);
    }

    [Fact]
    public void Ignored_channels_still_report_their_sequence_number()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "l2_data.update.json");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Ignored, result.Kind);
        Assert.Equal(1, result.Sequence);
    }

    [Fact]
    public void Channel_after_events_is_still_understood()
    {
        var frame = Encoding.UTF8.GetBytes(
            """{"events":[{"type":"update","trades":[{"product_id":"BTC-USD","trade_id":"9","price":"2.5","size":"0.1","side":"SELL","time":"2026-01-01T00:00:00Z"}]}],"sequence_num":4,"channel":"market_trades"}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Equal(2.5m, Assert.Single(result.Trades).Price);
        Assert.Equal(4, result.Sequence);
    }

    [Fact]
    public void Ticker_batch_is_ignored()
    {
        var frame = Encoding.UTF8.GetBytes("""{"channel":"ticker_batch","timestamp":"2026-01-01T00:00:00Z","sequence_num":2,"events":[]}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Ignored, result.Kind);
    }

    [Fact]
    public void Repeated_product_ids_reuse_one_string()
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + "market_trades.update.observed.json");

        var first = Parse(frame).Trades[0].VenueSymbol;
        var second = Parse(frame).Trades[1].VenueSymbol;

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("\"price\":\"1\"", "\"price\":\"\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\"0\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\"-1\"")]
    [InlineData("\"price\":\"1\"", "\"price\":1")]
    [InlineData("\"price\":\"1\"", "\"price\":\"1e400\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\"1e5\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\" 1\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\"1,5\"")]
    [InlineData("\"price\":\"1\"", "\"price\":\"99999999999999999999999999999999\"")]
    [InlineData("\"price\":\"1\"", "\"price\":null")]
    [InlineData("\"price\":\"1\",", "")]
    [InlineData("\"size\":\"2\"", "\"size\":\"0\"")]
    [InlineData("\"size\":\"2\"", "\"size\":\"abc\"")]
    [InlineData("\"side\":\"BUY\"", "\"side\":\"buy\"")]
    [InlineData("\"side\":\"BUY\"", "\"side\":\"UNKNOWN\"")]
    [InlineData("\"trade_id\":\"7\"", "\"trade_id\":7")]
    [InlineData("\"trade_id\":\"7\"", "\"trade_id\":\"\"")]
    [InlineData("\"product_id\":\"BTC-USD\"", "\"product_id\":\"\"")]
    [InlineData("\"product_id\":\"BTC-USD\"", "\"product_id\":\"BTC USD\"")]
    [InlineData("\"time\":\"2026-01-01T00:00:00Z\"", "\"time\":\"2026-02-30T00:00:00Z\"")]
    [InlineData("\"time\":\"2026-01-01T00:00:00Z\"", "\"time\":\"2026-01-01 00:00:00\"")]
    [InlineData("\"time\":\"2026-01-01T00:00:00Z\"", "\"time\":1767225600")]
    public void Invalid_trade_field_makes_the_frame_malformed(string valid, string invalid)
    {
        var json = """{"product_id":"BTC-USD","trade_id":"7","price":"1","size":"2","side":"BUY","time":"2026-01-01T00:00:00Z"}""";
        Assert.Contains(valid, json, StringComparison.Ordinal);
        var frame = Trades(json.Replace(valid, invalid, StringComparison.Ordinal));

        var result = Parse(frame);

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.Empty(result.Trades);
        Assert.Null(result.Sequence);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("\"market_trades\"")]
    [InlineData("{\"channel\":\"market_trades\"")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[]} x")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[]}{}")]
    [InlineData("{\"sequence_num\":1,\"events\":[]}")]
    [InlineData("{\"channel\":7,\"events\":[]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":-1,\"events\":[]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":\"1\",\"events\":[]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1.5,\"events\":[]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1e400,\"events\":[]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":{}}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[{\"trades\":[]}]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[{\"type\":\"update\"}]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[{\"type\":\"delta\",\"trades\":[]}]}")]
    [InlineData("{\"channel\":\"market_trades\",\"sequence_num\":1,\"events\":[{\"type\":\"update\",\"trades\":[1]}]}")]
    [InlineData("{\"channel\":\"ticker\",\"sequence_num\":1,\"events\":[]}")]
    [InlineData("{\"channel\":\"ticker\",\"timestamp\":\"yesterday\",\"sequence_num\":1,\"events\":[]}")]
    [InlineData("{\"channel\":\"heartbeats\",\"sequence_num\":1,\"events\":[{\"heartbeat_counter\":\"x\"}]}")]
    [InlineData("{\"channel\":\"heartbeats\",\"sequence_num\":1,\"events\":[{\"current_time\":\"now\"}]}")]
    public void Frame_outside_the_protocol_is_malformed(string json)
    {
        var result = Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.False(string.IsNullOrEmpty(result.Detail));
    }

    [Fact]
    public void Deeply_nested_arrays_are_malformed_without_throwing()
    {
        var frame = Encoding.UTF8.GetBytes("{\"channel\":\"status\",\"events\":" + new string('[', 5000) + new string(']', 5000) + "}");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Malformed, result.Kind);
        Assert.StartsWith("invalid JSON: ", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_trades_array_is_an_empty_trades_frame()
    {
        var frame = Encoding.UTF8.GetBytes("""{"channel":"market_trades","sequence_num":3,"events":[{"type":"update","trades":[]}]}""");

        var result = Parse(frame);

        Assert.Equal(FrameKind.Trades, result.Kind);
        Assert.Empty(result.Trades);
    }

    [Theory]
    [InlineData("heartbeats.observed-integer-counter.json")]
    [InlineData("ticker.snapshot.json")]
    [InlineData("l2_data.update.json")]
    public void Steady_state_parsing_allocates_nothing_for_frames_without_trade_ids(string file)
    {
        var frame = CoinbaseFixtures.ReadBytes(Ws + file);
        var result = new ParsedFrame();
        _parser.Parse(frame, result);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            result.Clear();
            _parser.Parse(frame, result);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private ParsedFrame Parse(byte[] frame)
    {
        var result = new ParsedFrame();
        _parser.Parse(frame, result);
        return result;
    }

    private static byte[] Trades(string tradeJson) => Encoding.UTF8.GetBytes(
        $$"""{"channel":"market_trades","client_id":"","timestamp":"2026-01-01T00:00:00.5Z","sequence_num":12,"events":[{"type":"update","trades":[{{tradeJson}}]}]}""");
}
