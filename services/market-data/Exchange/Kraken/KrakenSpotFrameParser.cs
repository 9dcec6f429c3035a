using System.Globalization;
using System.Text.Json;
using Trading.Contracts.MarketData;

namespace Trading.MarketData.Exchange.Kraken;

/// <summary>
/// Kraken Spot WebSocket v2 (<c>wss://ws.kraken.com/v2</c>). Data frames carry <c>channel</c>/<c>type</c>/<c>data[]</c>;
/// responses to our requests carry <c>method</c>/<c>success</c>/<c>error</c>. A frame with <c>method</c> is always a
/// response, even when it also names a <c>channel</c> (the private-channel error ack does).
/// One instance per connection: it caches symbol strings and is not thread-safe.
/// </summary>
public sealed class KrakenSpotFrameParser : IVenueFrameParser
{
    private readonly SymbolStringCache _symbols = new();

    private enum Channel
    {
        None,
        Trade,
        Ticker,
        Heartbeat,
        Status,
        Other,
    }

    private enum Method
    {
        None,
        Pong,
        Subscribe,
        Other,
    }

    public string Venue => Venues.Kraken;

    public void Parse(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        try
        {
            ParseFrame(frame, result);
        }
        catch (JsonException ex)
        {
            Fail(result, "invalid JSON: " + FrameFailure.Shorten(ex.Message));
        }
    }

    private void ParseFrame(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read())
        {
            Fail(result, "empty frame");
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Fail(result, "frame is not a JSON object");
            return;
        }

        var channel = Channel.None;
        var method = Method.None;
        bool? success = null;
        string? error = null;
        string? statusText = null;
        string? dataProblem = null;
        var dataSeen = false;
        var deferredDataStart = -1;

        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Utf8JsonValues.TextEquals(ref reader, "channel"u8))
            {
                FrameFailure.Advance(ref reader);
                channel = ReadChannel(ref reader);
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "method"u8))
            {
                FrameFailure.Advance(ref reader);
                method = ReadMethod(ref reader);
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "success"u8))
            {
                FrameFailure.Advance(ref reader);
                success = reader.TokenType switch
                {
                    JsonTokenType.True => true,
                    JsonTokenType.False => false,
                    _ => null,
                };
                reader.Skip();
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "error"u8))
            {
                FrameFailure.Advance(ref reader);
                error = Utf8JsonValues.TryGetText(ref reader, out var text) ? text : "(unreadable error text)";
                reader.Skip();
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "data"u8))
            {
                FrameFailure.Advance(ref reader);
                if (dataSeen)
                {
                    Fail(result, "duplicate data");
                    return;
                }

                dataSeen = true;
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    dataProblem = "data is not an array";
                    reader.Skip();
                }
                else if (channel is Channel.Trade or Channel.Ticker or Channel.Status)
                {
                    // The usual key order puts channel first, so data is parsed in the same pass.
                    dataProblem = ParseData(ref reader, channel, result, ref statusText);
                    if (dataProblem is not null)
                    {
                        Fail(result, dataProblem);
                        return;
                    }
                }
                else
                {
                    deferredDataStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            Fail(result, "content after the JSON object");
            return;
        }

        if (method != Method.None)
        {
            ClassifyResponse(method, success, error, result);
            return;
        }

        switch (channel)
        {
            case Channel.None:
                Fail(result, "frame has neither channel nor method");
                return;
            case Channel.Heartbeat:
                result.Kind = FrameKind.Heartbeat;
                return;
            case Channel.Other:
                result.Kind = FrameKind.Ignored;
                return;
        }

        if (!dataSeen)
        {
            Fail(result, "data frame without data");
            return;
        }

        if (dataProblem is not null)
        {
            Fail(result, dataProblem);
            return;
        }

        if (deferredDataStart >= 0)
        {
            var dataReader = new Utf8JsonReader(frame[deferredDataStart..]);
            FrameFailure.Advance(ref dataReader);
            var problem = ParseData(ref dataReader, channel, result, ref statusText);
            if (problem is not null)
            {
                Fail(result, problem);
                return;
            }
        }

        switch (channel)
        {
            case Channel.Trade:
                result.Kind = FrameKind.Trades;
                return;
            case Channel.Ticker:
                result.Kind = FrameKind.Quotes;
                return;
            default:
                if (string.IsNullOrEmpty(statusText))
                {
                    Fail(result, "status without system");
                    return;
                }

                result.Kind = FrameKind.Status;
                result.Detail = statusText;
                return;
        }
    }

    private static void ClassifyResponse(Method method, bool? success, string? error, ParsedFrame result)
    {
        result.Trades.Clear();
        result.Quotes.Clear();
        if (method == Method.Pong)
        {
            result.Kind = FrameKind.Pong;
            return;
        }

        if (success is null)
        {
            if (method == Method.Subscribe)
            {
                Fail(result, "acknowledgement without success");
                return;
            }

            result.Kind = FrameKind.Ignored;
            return;
        }

        if (success.Value)
        {
            result.Kind = method == Method.Subscribe ? FrameKind.Subscribed : FrameKind.Ignored;
            return;
        }

        result.Kind = FrameKind.VenueError;
        result.Detail = string.IsNullOrEmpty(error) ? "request failed without an error text" : error;
    }

    private string? ParseData(ref Utf8JsonReader reader, Channel channel, ParsedFrame result, ref string? statusText)
    {
        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return null;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "data item is not an object";
            }

            var problem = channel switch
            {
                Channel.Trade => ParseTrade(ref reader, result),
                Channel.Ticker => ParseTicker(ref reader, result),
                _ => ParseStatus(ref reader, ref statusText),
            };
            if (problem is not null)
            {
                return problem;
            }
        }
    }

    private string? ParseTrade(ref Utf8JsonReader reader, ParsedFrame result)
    {
        string? symbol = null;
        TradeSide? side = null;
        decimal price = 0, quantity = 0;
        long tradeId = -1;
        DateTimeOffset? time = null;

        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Utf8JsonValues.TextEquals(ref reader, "symbol"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!_symbols.TryGet(ref reader, out var s))
                {
                    return "trade symbol is not a string";
                }

                symbol = s;
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "side"u8))
            {
                // v2 docs: side is the taker's side.
                FrameFailure.Advance(ref reader);
                side = Utf8JsonValues.IsString(ref reader, "buy"u8) ? TradeSide.Buy
                    : Utf8JsonValues.IsString(ref reader, "sell"u8) ? TradeSide.Sell
                    : null;
                if (side is null)
                {
                    return "trade side is not buy or sell";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "price"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out price))
                {
                    return "trade price is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "qty"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out quantity))
                {
                    return "trade qty is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "trade_id"u8))
            {
                FrameFailure.Advance(ref reader);
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out tradeId) || tradeId < 0)
                {
                    return "trade_id is not a non-negative integer";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "timestamp"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!TryReadTimestamp(ref reader, out var t))
                {
                    return "trade timestamp is not RFC 3339";
                }

                time = t;
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(symbol) || side is null || tradeId < 0 || time is null)
        {
            return "trade lacks symbol, side, trade_id or timestamp";
        }

        if (price <= 0 || quantity <= 0)
        {
            return "trade price and qty must be positive";
        }

        result.Trades.Add(new VenueTrade(
            symbol, tradeId.ToString(CultureInfo.InvariantCulture), price, quantity, side.Value, time.Value));
        return null;
    }

    private string? ParseTicker(ref Utf8JsonReader reader, ParsedFrame result)
    {
        string? symbol = null;
        decimal bid = 0, bidQuantity = -1, ask = 0, askQuantity = -1;

        // The ticker's timestamp is newer than some captures and clients; when it is missing the quote keeps
        // default(DateTimeOffset) and the feed stamps it with its receive time (ParsedFrame has none to offer).
        var time = default(DateTimeOffset);

        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Utf8JsonValues.TextEquals(ref reader, "symbol"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!_symbols.TryGet(ref reader, out var s))
                {
                    return "ticker symbol is not a string";
                }

                symbol = s;
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "bid"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out bid))
                {
                    return "ticker bid is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "bid_qty"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out bidQuantity))
                {
                    return "ticker bid_qty is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "ask"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out ask))
                {
                    return "ticker ask is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "ask_qty"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetDecimal(ref reader, out askQuantity))
                {
                    return "ticker ask_qty is not a decimal";
                }
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "timestamp"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!TryReadTimestamp(ref reader, out time))
                {
                    return "ticker timestamp is not RFC 3339";
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (string.IsNullOrEmpty(symbol))
        {
            return "ticker lacks symbol";
        }

        if (bid <= 0 || ask <= 0 || bidQuantity < 0 || askQuantity < 0)
        {
            return "ticker needs positive bid/ask and non-negative bid_qty/ask_qty";
        }

        result.Quotes.Add(new VenueQuote(symbol, bid, bidQuantity, ask, askQuantity, time));
        return null;
    }

    private static string? ParseStatus(ref Utf8JsonReader reader, ref string? statusText)
    {
        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return null;
            }

            if (Utf8JsonValues.TextEquals(ref reader, "system"u8))
            {
                FrameFailure.Advance(ref reader);
                if (!Utf8JsonValues.TryGetText(ref reader, out var text))
                {
                    return "status system is not a string";
                }

                statusText ??= text;
            }
            else
            {
                reader.Skip();
            }
        }
    }

    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        time = default;
        return reader.TokenType == JsonTokenType.String
            && !reader.ValueIsEscaped
            && Rfc3339Timestamp.TryParse(reader.ValueSpan, out time);
    }

    private static Channel ReadChannel(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Channel.None;
        }

        return Utf8JsonValues.TextEquals(ref reader, "trade"u8) ? Channel.Trade
            : Utf8JsonValues.TextEquals(ref reader, "ticker"u8) ? Channel.Ticker
            : Utf8JsonValues.TextEquals(ref reader, "heartbeat"u8) ? Channel.Heartbeat
            : Utf8JsonValues.TextEquals(ref reader, "status"u8) ? Channel.Status
            : Channel.Other;
    }

    private static Method ReadMethod(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Method.None;
        }

        return Utf8JsonValues.TextEquals(ref reader, "pong"u8) ? Method.Pong
            : Utf8JsonValues.TextEquals(ref reader, "subscribe"u8) || Utf8JsonValues.TextEquals(ref reader, "unsubscribe"u8) ? Method.Subscribe
            : Method.Other;
    }

    private static void Fail(ParsedFrame result, string reason) => FrameFailure.Fail(result, reason);
}
