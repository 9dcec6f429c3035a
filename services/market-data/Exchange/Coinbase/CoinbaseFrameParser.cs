using System.Globalization;
using System.Text;
using System.Text.Json;
using Trading.Contracts.MarketData;

namespace Trading.MarketData.Exchange.Coinbase;

/// <summary>
/// Parses Coinbase Advanced Trade market-data WebSocket frames (<c>wss://advanced-trade-ws.coinbase.com</c>).
/// Envelope: <c>channel</c>, <c>client_id</c>, <c>timestamp</c>, <c>sequence_num</c>, <c>events[]</c>; errors are
/// <c>{"type":"error","message":...}</c> without an envelope. Every number in the body is a string.
/// One instance per connection (it caches product ids); not thread-safe.
/// </summary>
public sealed class CoinbaseFrameParser : IVenueFrameParser
{
    private const int MaxIdLength = 64;
    private const int MaxDetailLength = 120;

    private readonly SymbolStringCache _symbols = new();

    private enum Channel
    {
        Missing,
        MarketTrades,
        Ticker,
        Heartbeats,
        Subscriptions,
        Other,
    }

    public string Venue => "COINBASE";

    public void Parse(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        try
        {
            ParseFrame(frame, result);
        }
        catch (JsonException ex)
        {
            Fail(result, "invalid JSON: " + Shorten(ex.Message));
        }
    }

    private bool ParseFrame(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(result, "not a JSON object");
        }

        var channel = Channel.Missing;
        var isError = false;
        string? message = null;
        long? sequence = null;
        DateTimeOffset? timestamp = null;
        var hasEvents = false;
        Utf8JsonReader events = default;

        while (true)
        {
            if (!reader.Read())
            {
                return Fail(result, "truncated object");
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Is(ref reader, "channel"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    return Fail(result, "channel is not a string");
                }

                channel = ToChannel(ref reader);
            }
            else if (Is(ref reader, "type"u8))
            {
                reader.Read();
                isError = reader.TokenType == JsonTokenType.String && Is(ref reader, "error"u8);
                reader.Skip();
            }
            else if (Is(ref reader, "message"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    // Decoded raw: escapes stay visible, and invalid UTF-8 becomes U+FFFD instead of throwing.
                    message = Encoding.UTF8.GetString(reader.ValueSpan);
                }

                reader.Skip();
            }
            else if (Is(ref reader, "sequence_num"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
                {
                    return Fail(result, "invalid sequence_num");
                }

                sequence = value;
            }
            else if (Is(ref reader, "timestamp"u8))
            {
                reader.Read();
                timestamp = TryReadTime(ref reader, out var value) ? value : null;
                reader.Skip();
            }
            else if (Is(ref reader, "events"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return Fail(result, "events is not an array");
                }

                // Channel may come after events, so remember where they start and come back once the envelope is read.
                events = reader;
                hasEvents = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        // With the final block flag set, trailing garbage makes this throw; a second value is never legal.
        if (reader.Read())
        {
            return Fail(result, "trailing data after the object");
        }

        if (isError)
        {
            result.Kind = FrameKind.VenueError;
            result.Detail = string.IsNullOrEmpty(message) ? "error frame without a message" : message;
            return true;
        }

        if (channel == Channel.Missing)
        {
            return Fail(result, "missing channel");
        }

        if ((channel is Channel.MarketTrades or Channel.Ticker or Channel.Heartbeats) && !hasEvents)
        {
            return Fail(result, "missing events");
        }

        // Set for every channel: the counter is shared by all channels of the connection, so the tracker needs them all.
        result.Sequence = sequence;
        switch (channel)
        {
            case Channel.MarketTrades:
                return ParseMarketTrades(ref events, result);
            case Channel.Ticker:
                return timestamp is { } exchangeTime
                    ? ParseTicker(ref events, exchangeTime, result)
                    : Fail(result, "missing or invalid timestamp");
            case Channel.Heartbeats:
                return ParseHeartbeats(ref events, result);
            case Channel.Subscriptions:
                result.Kind = FrameKind.Subscribed;
                return true;
            default:
                result.Kind = FrameKind.Ignored;
                return true;
        }
    }

    private bool ParseMarketTrades(ref Utf8JsonReader reader, ParsedFrame result)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(result, "event is not an object");
            }

            var typed = false;
            var hasTrades = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (Is(ref reader, "type"u8))
                {
                    reader.Read();
                    if (!IsEventType(ref reader))
                    {
                        return Fail(result, "invalid event type");
                    }

                    typed = true;
                }
                else if (Is(ref reader, "trades"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Fail(result, "trades is not an array");
                    }

                    if (!ParseTrades(ref reader, result))
                    {
                        return false;
                    }

                    hasTrades = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!typed || !hasTrades)
            {
                return Fail(result, typed ? "event without trades" : "event without type");
            }
        }

        result.Kind = FrameKind.Trades;
        return true;
    }

    private bool ParseTrades(ref Utf8JsonReader reader, ParsedFrame result)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(result, "trade is not an object");
            }

            string? symbol = null;
            string? tradeId = null;
            decimal? price = null;
            decimal? size = null;
            TradeSide? side = null;
            DateTimeOffset? time = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (Is(ref reader, "product_id"u8))
                {
                    reader.Read();
                    symbol = TryReadId(ref reader, out var bytes) ? _symbols.Get(bytes) : null;
                    if (symbol is null)
                    {
                        return Fail(result, "invalid product_id");
                    }
                }
                else if (Is(ref reader, "trade_id"u8))
                {
                    reader.Read();
                    tradeId = TryReadId(ref reader, out var bytes) ? Encoding.Latin1.GetString(bytes) : null;
                    if (tradeId is null)
                    {
                        return Fail(result, "invalid trade_id");
                    }
                }
                else if (Is(ref reader, "price"u8))
                {
                    reader.Read();
                    price = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (price is null)
                    {
                        return Fail(result, "invalid price");
                    }
                }
                else if (Is(ref reader, "size"u8))
                {
                    reader.Read();
                    size = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (size is null)
                    {
                        return Fail(result, "invalid size");
                    }
                }
                else if (Is(ref reader, "side"u8))
                {
                    reader.Read();
                    side = ReadTakerSide(ref reader);
                    if (side is null)
                    {
                        return Fail(result, "invalid side");
                    }
                }
                else if (Is(ref reader, "time"u8))
                {
                    reader.Read();
                    time = TryReadTime(ref reader, out var value) ? value : null;
                    if (time is null)
                    {
                        return Fail(result, "invalid time");
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (symbol is null || tradeId is null || price is null || size is null || side is null || time is null)
            {
                return Fail(result, "trade is missing a field");
            }

            result.Trades.Add(new VenueTrade(symbol, tradeId, price.Value, size.Value, side.Value, time.Value));
        }

        return true;
    }

    private bool ParseTicker(ref Utf8JsonReader reader, DateTimeOffset exchangeTime, ParsedFrame result)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(result, "event is not an object");
            }

            var typed = false;
            var hasTickers = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (Is(ref reader, "type"u8))
                {
                    reader.Read();
                    if (!IsEventType(ref reader))
                    {
                        return Fail(result, "invalid event type");
                    }

                    typed = true;
                }
                else if (Is(ref reader, "tickers"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        return Fail(result, "tickers is not an array");
                    }

                    if (!ParseTickers(ref reader, exchangeTime, result))
                    {
                        return false;
                    }

                    hasTickers = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!typed || !hasTickers)
            {
                return Fail(result, typed ? "event without tickers" : "event without type");
            }
        }

        result.Kind = FrameKind.Quotes;
        return true;
    }

    private bool ParseTickers(ref Utf8JsonReader reader, DateTimeOffset exchangeTime, ParsedFrame result)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(result, "ticker is not an object");
            }

            string? symbol = null;
            decimal? bid = null;
            decimal? bidQuantity = null;
            decimal? ask = null;
            decimal? askQuantity = null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (Is(ref reader, "product_id"u8))
                {
                    reader.Read();
                    symbol = TryReadId(ref reader, out var bytes) ? _symbols.Get(bytes) : null;
                    if (symbol is null)
                    {
                        return Fail(result, "invalid product_id");
                    }
                }
                else if (Is(ref reader, "best_bid"u8))
                {
                    reader.Read();
                    bid = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (bid is null)
                    {
                        return Fail(result, "invalid best_bid");
                    }
                }
                else if (Is(ref reader, "best_bid_quantity"u8))
                {
                    reader.Read();
                    bidQuantity = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (bidQuantity is null)
                    {
                        return Fail(result, "invalid best_bid_quantity");
                    }
                }
                else if (Is(ref reader, "best_ask"u8))
                {
                    reader.Read();
                    ask = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (ask is null)
                    {
                        return Fail(result, "invalid best_ask");
                    }
                }
                else if (Is(ref reader, "best_ask_quantity"u8))
                {
                    reader.Read();
                    askQuantity = TryReadDecimal(ref reader, out var value) && value > 0 ? value : null;
                    if (askQuantity is null)
                    {
                        return Fail(result, "invalid best_ask_quantity");
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (symbol is null || bid is null || bidQuantity is null || ask is null || askQuantity is null)
            {
                return Fail(result, "ticker is missing a field");
            }

            result.Quotes.Add(new VenueQuote(symbol, bid.Value, bidQuantity.Value, ask.Value, askQuantity.Value, exchangeTime));
        }

        return true;
    }

    private static bool ParseHeartbeats(ref Utf8JsonReader reader, ParsedFrame result)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return Fail(result, "event is not an object");
            }

            var hasCounter = false;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                if (Is(ref reader, "heartbeat_counter"u8))
                {
                    reader.Read();
                    if (!IsCounter(ref reader))
                    {
                        return Fail(result, "invalid heartbeat_counter");
                    }

                    hasCounter = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (!hasCounter)
            {
                return Fail(result, "heartbeat without heartbeat_counter");
            }
        }

        result.Kind = FrameKind.Heartbeat;
        return true;
    }

    // The docs show heartbeat_counter as a string ("3049"); live captures show an integer (21697). Accept both.
    private static bool IsCounter(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.TryGetInt64(out var value) && value >= 0;
        }

        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && long.TryParse(reader.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    // market_trades `side` is the MAKER order's side (the shared fixture notes, from Coinbase's docs, and other Advanced
    // Trade clients read it so): BUY means a resting bid was hit, so the taker sold. The REST ticker trades share the
    // schema and are mapped the same way (CoinbaseRestClient). Two same-microsecond trades one cent apart in the observed
    // capture fit either reading, so they cannot settle it; a live recording (issue 3's `trading record`) should.
    private static TradeSide? ReadTakerSide(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        if (Is(ref reader, "BUY"u8))
        {
            return TradeSide.Sell;
        }

        return Is(ref reader, "SELL"u8) ? TradeSide.Buy : null;
    }

    private static bool IsEventType(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String && (Is(ref reader, "snapshot"u8) || Is(ref reader, "update"u8));

    private static Channel ToChannel(ref Utf8JsonReader reader)
    {
        if (Is(ref reader, "market_trades"u8))
        {
            return Channel.MarketTrades;
        }

        if (Is(ref reader, "ticker"u8))
        {
            return Channel.Ticker;
        }

        if (Is(ref reader, "heartbeats"u8))
        {
            return Channel.Heartbeats;
        }

        // ticker_batch, status, candles, l2_data, user, futures_balance_summary and anything new are not used here.
        return Is(ref reader, "subscriptions"u8) ? Channel.Subscriptions : Channel.Other;
    }

    // Compares raw bytes only: Coinbase never escapes names or values, and unescaping invalid escapes could throw
    // something other than JsonException. An escaped token therefore counts as unknown.
    private static bool Is(ref Utf8JsonReader reader, ReadOnlySpan<byte> text) =>
        !reader.ValueIsEscaped && reader.ValueSpan.SequenceEqual(text);

    // Product ids (BTC-USD, BIT-28JUN24-CDE) and trade ids are short ASCII; anything else is rejected before allocating.
    private static bool TryReadId(ref Utf8JsonReader reader, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped)
        {
            return false;
        }

        var span = reader.ValueSpan;
        if (span.IsEmpty || span.Length > MaxIdLength)
        {
            return false;
        }

        foreach (var b in span)
        {
            if (!(b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9'
                  or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'/'))
            {
                return false;
            }
        }

        bytes = span;
        return true;
    }

    // Numbers arrive as strings ("1260.01"). Plain digits and one decimal point only: no sign, exponent, spaces or
    // separators, so a JSON number, "", "1e5" or "-1" is rejected rather than guessed at.
    private static bool TryReadDecimal(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && decimal.TryParse(reader.ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReadTime(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped
            && Rfc3339Timestamp.TryParse(reader.ValueSpan, out value);
    }

    private static bool Fail(ParsedFrame result, string reason)
    {
        result.Kind = FrameKind.Malformed;
        result.Detail = reason;
        result.Sequence = null;
        result.Trades.Clear();
        result.Quotes.Clear();
        return false;
    }

    private static string Shorten(string text) => text.Length <= MaxDetailLength ? text : text[..MaxDetailLength];
}
