using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Trading.Contracts.MarketData;
using Trading.FakeVenues;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Coinbase;
using Xunit.Abstractions;

namespace Trading.MarketData.Tests.Exchange.Coinbase;

public sealed partial class CoinbaseFrameParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20260930;
    private const int MutatedFrames = 100_000;

    private static readonly string[] ValueReplacements =
    [
        "null", "\"\"", "0", "\"0\"", "-1", "\"-1\"", "1e400", "\"1e400\"", "-1e400",
        "99999999999999999999999999999999", "\"99999999999999999999999999999999.5\"", "\"79228162514264337593543950336\"",
        "\"0.0000000000000000000000000001\"", "true", "[]", "{}", "\"\\u0031\"", "\"\\uD800\"", "\"BUY\"", "\"SELL\"",
        "\"NaN\"", "\"Infinity\"", "\"1.2.3\"", "\" 1\"", "\"\u00e9\"", "\"9999-12-31T23:59:59.9999999999Z\"",
        "\"0001-01-01T00:00:00-14:00\"", "\"2026-13-01T00:00:00Z\"",
        new string('[', 200) + new string(']', 200), new string('[', 5000),
    ];

    [Fact]
    public void Mutated_frames_never_throw_and_never_yield_garbage_market_data()
    {
        var random = new Random(Seed);
        var seeds = SeedFrames();
        var parser = new CoinbaseFrameParser();
        var result = new ParsedFrame();
        var counts = new Dictionary<FrameKind, int>();
        var total = Stopwatch.StartNew();
        var parsing = new Stopwatch();

        for (var i = 0; i < MutatedFrames; i++)
        {
            var frame = Mutate(seeds[random.Next(seeds.Count)], random);
            result.Clear();

            parsing.Start();
            parser.Parse(frame, result);
            parsing.Stop();

            CheckAgainstOracle(frame, result);
            counts[result.Kind] = counts.GetValueOrDefault(result.Kind) + 1;
        }

        total.Stop();
        output.WriteLine($"{MutatedFrames} frames, parsing {parsing.Elapsed.TotalMilliseconds:F0} ms, with mutation and oracle {total.Elapsed.TotalMilliseconds:F0} ms: {Describe(counts)}");
        Assert.True(counts.GetValueOrDefault(FrameKind.Trades) > 1_000, Describe(counts));
        Assert.True(counts.GetValueOrDefault(FrameKind.Malformed) > 10_000, Describe(counts));
    }

    [Fact]
    public void Every_truncation_of_a_market_data_frame_is_malformed()
    {
        var parser = new CoinbaseFrameParser();
        var result = new ParsedFrame();
        var files = new[] { "market_trades.snapshot.json", "market_trades.update.observed.json", "ticker.snapshot.json", "heartbeats.json", "error.failure-to-subscribe.json" };
        var checkedPrefixes = 0;

        foreach (var file in files)
        {
            var full = CoinbaseFixtures.ReadBytes("advanced-trade-ws/" + file);
            var content = TrimEnd(full);
            for (var length = 0; length < content.Length; length++)
            {
                result.Clear();

                parser.Parse(full.AsSpan(0, length), result);

                Assert.True(result.Kind == FrameKind.Malformed, $"{file} cut at {length} gave {result.Kind}");
                checkedPrefixes++;
            }
        }

        Assert.True(checkedPrefixes > 1_500, $"{checkedPrefixes} prefixes");
    }

    private static void CheckAgainstOracle(byte[] frame, ParsedFrame result)
    {
        Assert.NotEqual(FrameKind.None, result.Kind);
        if (result.Kind is FrameKind.Malformed or FrameKind.VenueError)
        {
            Assert.False(string.IsNullOrEmpty(result.Detail));
        }

        if (result.Kind != FrameKind.Trades)
        {
            Assert.Empty(result.Trades);
        }

        if (result.Kind != FrameKind.Quotes)
        {
            Assert.Empty(result.Quotes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(frame);
        }
        catch (JsonException)
        {
            Assert.True(result.Kind == FrameKind.Malformed, $"invalid JSON classified {result.Kind}: {Show(frame)}");
            return;
        }

        using (document)
        {
            if (result.Kind == FrameKind.Trades)
            {
                CheckTrades(document.RootElement, result, frame);
            }
            else if (result.Kind == FrameKind.Quotes)
            {
                CheckQuotes(document.RootElement, result, frame);
            }
        }
    }

    // An independent reading of the same frame through JsonDocument: every trade the parser reports must be exactly
    // what the frame says, and the frame must be a well-formed market_trades message.
    private static void CheckTrades(JsonElement root, ParsedFrame result, byte[] frame)
    {
        Assert.True(root.GetProperty("channel").GetString() == "market_trades", Show(frame));
        var expected = root.GetProperty("events").EnumerateArray().SelectMany(e => e.GetProperty("trades").EnumerateArray()).ToList();
        Assert.Equal(expected.Count, result.Trades.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var json = expected[i];
            var trade = result.Trades[i];
            Assert.Equal(json.GetProperty("product_id").GetString(), trade.VenueSymbol);
            Assert.Equal(json.GetProperty("trade_id").GetString(), trade.TradeId);
            Assert.Equal(StrictDecimal(json.GetProperty("price")), trade.Price);
            Assert.Equal(StrictDecimal(json.GetProperty("size")), trade.Quantity);
            Assert.True(trade.Price > 0 && trade.Quantity > 0, Show(frame));
            // `side` is the maker side, so the taker is the opposite.
            Assert.Equal(json.GetProperty("side").GetString() == "BUY" ? TradeSide.Sell : TradeSide.Buy, trade.Side);
            Assert.Contains(json.GetProperty("side").GetString(), new[] { "BUY", "SELL" });
            Assert.Equal(OracleTime(json.GetProperty("time").GetString()!), trade.ExchangeTime);
            Assert.Equal(TimeSpan.Zero, trade.ExchangeTime.Offset);
        }
    }

    private static void CheckQuotes(JsonElement root, ParsedFrame result, byte[] frame)
    {
        Assert.True(root.GetProperty("channel").GetString() == "ticker", Show(frame));
        var time = OracleTime(root.GetProperty("timestamp").GetString()!);
        var expected = root.GetProperty("events").EnumerateArray().SelectMany(e => e.GetProperty("tickers").EnumerateArray()).ToList();
        Assert.Equal(expected.Count, result.Quotes.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var json = expected[i];
            var quote = result.Quotes[i];
            Assert.Equal(json.GetProperty("product_id").GetString(), quote.VenueSymbol);
            Assert.Equal(StrictDecimal(json.GetProperty("best_bid")), quote.BidPrice);
            Assert.Equal(StrictDecimal(json.GetProperty("best_bid_quantity")), quote.BidQuantity);
            Assert.Equal(StrictDecimal(json.GetProperty("best_ask")), quote.AskPrice);
            Assert.Equal(StrictDecimal(json.GetProperty("best_ask_quantity")), quote.AskQuantity);
            Assert.True(quote.BidPrice > 0 && quote.AskPrice > 0 && quote.BidQuantity > 0 && quote.AskQuantity > 0, Show(frame));
            Assert.Equal(time, quote.ExchangeTime);
        }
    }

    private static decimal StrictDecimal(JsonElement element)
    {
        var text = element.GetString()!;
        Assert.Matches(PlainDecimal(), text);
        return decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    private static DateTimeOffset OracleTime(string text)
    {
        var match = Rfc3339().Match(text);
        Assert.True(match.Success, text);
        var fraction = match.Groups[2].Success ? match.Groups[2].Value[..Math.Min(8, match.Groups[2].Value.Length)] : "";
        var normalised = match.Groups[1].Value + fraction + (match.Groups[3].Value is "Z" or "z" ? "+00:00" : match.Groups[3].Value);
        return DateTimeOffset.Parse(normalised, CultureInfo.InvariantCulture).ToUniversalTime();
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var rounds = random.Next(1, 4);
        for (var round = 0; round < rounds; round++)
        {
            switch (random.Next(10))
            {
                case 0 when bytes.Count > 0:
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                    break;
                case 1 when bytes.Count > 0:
                    var start = random.Next(bytes.Count);
                    bytes.RemoveRange(start, Math.Min(random.Next(1, 5), bytes.Count - start));
                    break;
                case 2:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 3 when bytes.Count > 0:
                    var from = random.Next(bytes.Count);
                    var slice = bytes.GetRange(from, Math.Min(random.Next(1, 40), bytes.Count - from));
                    bytes.InsertRange(random.Next(bytes.Count + 1), slice);
                    break;
                case 4:
                    bytes = bytes.GetRange(0, random.Next(bytes.Count + 1));
                    break;
                case 5:
                case 6:
                case 7:
                    bytes = [.. ReplaceValue([.. bytes], random)];
                    break;
                case 8:
                    bytes = [.. SwapNumberAndString([.. bytes], random)];
                    break;
                default:
                    if (random.Next(20) == 0)
                    {
                        var noise = new byte[random.Next(0, 200)];
                        random.NextBytes(noise);
                        bytes = [.. noise];
                    }

                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[] ReplaceValue(byte[] frame, Random random)
    {
        var text = Encoding.UTF8.GetString(frame);
        var matches = JsonValue().Matches(text);
        if (matches.Count == 0)
        {
            return frame;
        }

        var value = matches[random.Next(matches.Count)].Groups[1];
        var replacement = ValueReplacements[random.Next(ValueReplacements.Length)];
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, value.Index), replacement, text.AsSpan(value.Index + value.Length)));
    }

    // "1260.01" <-> 1260.01 and 5 <-> "5": the protocol sends numbers as strings except sequence_num.
    private static byte[] SwapNumberAndString(byte[] frame, Random random)
    {
        var text = Encoding.UTF8.GetString(frame);
        var matches = NumberOrNumericString().Matches(text);
        if (matches.Count == 0)
        {
            return frame;
        }

        var match = matches[random.Next(matches.Count)].Groups[1];
        var swapped = match.Value.StartsWith('"') ? match.Value.Trim('"') : "\"" + match.Value + "\"";
        return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, match.Index), swapped, text.AsSpan(match.Index + match.Length)));
    }

    private static List<byte[]> SeedFrames()
    {
        var folder = Path.Combine(CoinbaseFixtures.Directory, "advanced-trade-ws");
        var frames = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var marketData = new[] { "market_trades.snapshot.json", "market_trades.update.observed.json", "ticker.snapshot.json" }
            .Select(name => File.ReadAllBytes(Path.Combine(folder, name)));

        // Weight the frames that produce trades and quotes, where garbage would do harm.
        for (var i = 0; i < 3; i++)
        {
            frames.AddRange(marketData);
        }

        frames.Add(Encoding.UTF8.GetBytes(
            """{"events":[{"type":"update","trades":[{"product_id":"BIT-28JUN24-CDE","trade_id":"abc_1","price":"0.00000001","size":"123456789.123456789","side":"SELL","time":"2026-01-02T03:04:05.123456789+02:00"}]}],"sequence_num":9223372036854775807,"channel":"market_trades"}"""));
        return frames;
    }

    private static byte[] TrimEnd(byte[] frame)
    {
        var length = frame.Length;
        while (length > 0 && frame[length - 1] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            length--;
        }

        return frame[..length];
    }

    private static string Describe(Dictionary<FrameKind, int> counts) =>
        string.Join(", ", counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}={pair.Value}"));

    private static string Show(byte[] frame) => Encoding.UTF8.GetString(frame[..Math.Min(frame.Length, 400)]);

    [GeneratedRegex("""^[0-9]*\.?[0-9]*$""")]
    private static partial Regex PlainDecimal();

    [GeneratedRegex("""^(\d{4}-\d\d-\d\d[Tt]\d\d:\d\d:\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$""")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(""":\s*("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|\[\]|\{\})""")]
    private static partial Regex JsonValue();

    [GeneratedRegex(""":\s*("-?\d+(?:\.\d+)?"|-?\d+(?:\.\d+)?)""")]
    private static partial Regex NumberOrNumericString();
}
