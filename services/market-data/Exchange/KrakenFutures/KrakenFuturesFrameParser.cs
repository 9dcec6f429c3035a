using System.Text.Json;
using Trading.Contracts.MarketData;

namespace Trading.MarketData.Exchange.KrakenFutures;

/// <summary>
/// Kraken Futures WebSocket v1 (<c>wss://futures.kraken.com/ws/v1</c>). Frames are flat JSON objects with either
/// <c>event</c> (control: info, subscribed, error, alert, challenge) or <c>feed</c> (data; snapshots are
/// <c>&lt;feed&gt;_snapshot</c>). A trade delta carries its fields at the top level; <c>trade_snapshot</c> nests them in
/// <c>trades[]</c>, newest first. Trade <c>side</c> is the taker's side (the trade page of the docs: "the
/// classification of the taker side"; fixtures/SOURCES.md notes the same). Quantities of inverse contracts
/// (<c>PI_</c>) are in contracts (USD), of linear ones (<c>PF_</c>) in the base currency. Options (<c>OF_</c>) are
/// ignored. One instance per connection: it caches symbol strings and is not thread-safe.
/// </summary>
public sealed class KrakenFuturesFrameParser : IVenueFrameParser
{
    // DateTimeOffset.FromUnixTimeMilliseconds throws outside this range.
    private const long MinUnixMilliseconds = -62_135_596_800_000;
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private readonly SymbolStringCache _symbols = new();

    [Flags]
    private enum Field
    {
        None = 0,
        ProductId = 1 << 0,
        Uid = 1 << 1,
        Side = 1 << 2,
        Price = 1 << 3,
        Qty = 1 << 4,
        Time = 1 << 5,
        Seq = 1 << 6,
        Bid = 1 << 7,
        Ask = 1 << 8,
        BidSize = 1 << 9,
        AskSize = 1 << 10,
        Trade = ProductId | Uid | Side | Price | Qty | Time,
        Quote = ProductId | Bid | Ask | BidSize | AskSize,
    }

    private enum Feed
    {
        None,
        Trade,
        TradeSnapshot,
        Ticker,
        Heartbeat,
        Other,
    }

    private enum Event
    {
        None,
        Subscribed,
        Error,
        Info,
        Other,
    }

    public string Venue => Venues.KrakenFutures;

    public void Parse(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        try
        {
            ParseFrame(frame, result);
        }
        catch (JsonException ex)
        {
            FrameFailure.Fail(result, "invalid JSON: " + FrameFailure.Shorten(ex.Message));
        }
    }

    private void ParseFrame(ReadOnlySpan<byte> frame, ParsedFrame result)
    {
        var reader = new Utf8JsonReader(frame);
        if (!reader.Read())
        {
            FrameFailure.Fail(result, "empty frame");
            return;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            FrameFailure.Fail(result, "frame is not a JSON object");
            return;
        }

        var feed = Feed.None;
        var eventKind = Event.None;
        string? message = null;
        long? version = null;
        var tradesStart = -1;
        var fields = default(Fields);

        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            if (Utf8JsonValues.TextEquals(ref reader, "feed"u8))
            {
                FrameFailure.Advance(ref reader);
                feed = ReadFeed(ref reader);
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "event"u8))
            {
                FrameFailure.Advance(ref reader);
                eventKind = ReadEvent(ref reader);
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "message"u8))
            {
                FrameFailure.Advance(ref reader);
                message = Utf8JsonValues.TryGetText(ref reader, out var text) ? text : "(unreadable message text)";
                reader.Skip();
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "version"u8))
            {
                FrameFailure.Advance(ref reader);
                version = reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var v) ? v : null;
                reader.Skip();
            }
            else if (Utf8JsonValues.TextEquals(ref reader, "trades"u8))
            {
                FrameFailure.Advance(ref reader);
                if (reader.TokenType == JsonTokenType.StartArray && tradesStart < 0)
                {
                    // Snapshots are rare (one per subscription), so they are read in a second pass once feed is known.
                    tradesStart = (int)reader.TokenStartIndex;
                }

                reader.Skip();
            }
            else if (!ReadField(ref reader, ref fields))
            {
                reader.Skip();
            }
        }

        if (reader.Read())
        {
            FrameFailure.Fail(result, "content after the JSON object");
            return;
        }

        if (eventKind != Event.None)
        {
            ClassifyEvent(eventKind, message, version, result);
            return;
        }

        switch (feed)
        {
            case Feed.None:
                FrameFailure.Fail(result, "frame has neither feed nor event");
                return;
            case Feed.Heartbeat:
                result.Kind = FrameKind.Heartbeat;
                return;
            case Feed.Other:
                result.Kind = FrameKind.Ignored;
                return;
        }

        if (IsOption(fields.ProductId))
        {
            result.Kind = FrameKind.Ignored;
            return;
        }

        string? problem;
        switch (feed)
        {
            case Feed.Trade:
                problem = AddTrade(ref fields, result);
                if (problem is null)
                {
                    result.Kind = FrameKind.Trades;
                    result.Sequence = (fields.Present & Field.Seq) != 0 ? fields.Seq : null;
                }

                break;
            case Feed.TradeSnapshot:
                problem = tradesStart < 0 ? "trade_snapshot without trades" : ParseSnapshot(frame[tradesStart..], result);
                if (problem is null)
                {
                    result.Kind = FrameKind.Trades;
                }

                break;
            default:
                problem = AddQuote(ref fields, result);
                if (problem is null)
                {
                    result.Kind = FrameKind.Quotes;
                }

                break;
        }

        if (problem is not null)
        {
            FrameFailure.Fail(result, problem);
        }
    }

    /// <summary>Reads one trade or ticker field; false when the property is not one of them (the caller skips it).</summary>
    private bool ReadField(ref Utf8JsonReader reader, ref Fields fields)
    {
        Field field;
        if (Utf8JsonValues.TextEquals(ref reader, "product_id"u8))
        {
            field = Field.ProductId;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "uid"u8))
        {
            field = Field.Uid;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "side"u8))
        {
            field = Field.Side;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "price"u8))
        {
            field = Field.Price;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "qty"u8))
        {
            field = Field.Qty;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "time"u8))
        {
            field = Field.Time;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "seq"u8))
        {
            field = Field.Seq;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "bid"u8))
        {
            field = Field.Bid;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "ask"u8))
        {
            field = Field.Ask;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "bid_size"u8))
        {
            field = Field.BidSize;
        }
        else if (Utf8JsonValues.TextEquals(ref reader, "ask_size"u8))
        {
            field = Field.AskSize;
        }
        else
        {
            return false;
        }

        FrameFailure.Advance(ref reader);
        var ok = field switch
        {
            Field.ProductId => _symbols.TryGet(ref reader, out fields.ProductId),
            Field.Uid => Utf8JsonValues.TryGetText(ref reader, out fields.Uid),
            Field.Side => TryReadSide(ref reader, out fields.Side),
            Field.Price => Utf8JsonValues.TryGetDecimal(ref reader, out fields.Price),
            Field.Qty => Utf8JsonValues.TryGetDecimal(ref reader, out fields.Quantity),
            Field.Time => TryReadTime(ref reader, out fields.Time),
            Field.Seq => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out fields.Seq),
            Field.Bid => Utf8JsonValues.TryGetDecimal(ref reader, out fields.Bid),
            Field.Ask => Utf8JsonValues.TryGetDecimal(ref reader, out fields.Ask),
            Field.BidSize => Utf8JsonValues.TryGetDecimal(ref reader, out fields.BidSize),
            _ => Utf8JsonValues.TryGetDecimal(ref reader, out fields.AskSize),
        };

        // A field of the wrong shape only matters if the feed needs it (book frames share price/qty, for example).
        if (ok)
        {
            fields.Present |= field;
        }
        else
        {
            fields.Bad |= field;
        }

        reader.Skip();
        return true;
    }

    private static string? AddTrade(ref Fields fields, ParsedFrame result)
    {
        var problem = Check(ref fields, Field.Trade | Field.Seq, Field.Trade, "trade");
        if (problem is not null)
        {
            return problem;
        }

        if (fields.Price <= 0 || fields.Quantity <= 0)
        {
            return "trade price and qty must be positive";
        }

        if (string.IsNullOrEmpty(fields.ProductId) || string.IsNullOrEmpty(fields.Uid))
        {
            return "trade product_id and uid must not be empty";
        }

        result.Trades.Add(new VenueTrade(
            fields.ProductId, fields.Uid, fields.Price, fields.Quantity, fields.Side, fields.Time));
        return null;
    }

    private static string? AddQuote(ref Fields fields, ParsedFrame result)
    {
        var problem = Check(ref fields, Field.Quote | Field.Time, Field.Quote, "ticker");
        if (problem is not null)
        {
            return problem;
        }

        if (fields.Bid <= 0 || fields.Ask <= 0 || fields.BidSize < 0 || fields.AskSize < 0)
        {
            return "ticker needs positive bid/ask and non-negative sizes";
        }

        if (string.IsNullOrEmpty(fields.ProductId))
        {
            return "ticker product_id must not be empty";
        }

        // Without time the quote keeps default(DateTimeOffset) and the feed stamps its receive time.
        result.Quotes.Add(new VenueQuote(
            fields.ProductId, fields.Bid, fields.BidSize, fields.Ask, fields.AskSize, fields.Time));
        return null;
    }

    private string? ParseSnapshot(ReadOnlySpan<byte> trades, ParsedFrame result)
    {
        var reader = new Utf8JsonReader(trades);
        FrameFailure.Advance(ref reader);
        long? highestSeq = null;
        while (true)
        {
            FrameFailure.Advance(ref reader);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "trade_snapshot item is not an object";
            }

            var fields = default(Fields);
            while (true)
            {
                FrameFailure.Advance(ref reader);
                if (reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                if (!ReadField(ref reader, ref fields))
                {
                    reader.Skip();
                }
            }

            var problem = AddTrade(ref fields, result);
            if (problem is not null)
            {
                return problem;
            }

            if ((fields.Present & Field.Seq) != 0 && (highestSeq is null || fields.Seq > highestSeq))
            {
                highestSeq = fields.Seq;
            }
        }

        // Snapshot trades arrive newest first; the highest seq is the baseline for the deltas that follow.
        result.Sequence = highestSeq;
        return null;
    }

    private static string? Check(ref Fields fields, Field used, Field required, string what)
    {
        var bad = fields.Bad & used;
        if (bad != Field.None)
        {
            return $"{what} field {FieldName(bad)} has an invalid value";
        }

        var missing = required & ~fields.Present;
        return missing != Field.None ? $"{what} lacks {FieldName(missing)}" : null;
    }

    private static string FieldName(Field fields)
    {
        var lowest = (Field)((int)fields & -(int)fields);
        return lowest switch
        {
            Field.ProductId => "product_id",
            Field.Uid => "uid",
            Field.Side => "side",
            Field.Price => "price",
            Field.Qty => "qty",
            Field.Time => "time",
            Field.Seq => "seq",
            Field.Bid => "bid",
            Field.Ask => "ask",
            Field.BidSize => "bid_size",
            _ => "ask_size",
        };
    }

    private static void ClassifyEvent(Event eventKind, string? message, long? version, ParsedFrame result)
    {
        switch (eventKind)
        {
            case Event.Subscribed:
                result.Kind = FrameKind.Subscribed;
                return;
            case Event.Error:
                result.Kind = FrameKind.VenueError;
                result.Detail = string.IsNullOrEmpty(message) ? "error without a message" : message;
                return;
            case Event.Info:
                result.Kind = FrameKind.Status;
                result.Detail = version is null ? "info" : $"info version {version}";
                return;
            default:
                result.Kind = FrameKind.Ignored;
                return;
        }
    }

    private static bool IsOption(string? productId) =>
        productId is not null && productId.StartsWith("OF_", StringComparison.OrdinalIgnoreCase);

    private static bool TryReadSide(ref Utf8JsonReader reader, out TradeSide side)
    {
        side = TradeSide.Buy;
        if (Utf8JsonValues.IsString(ref reader, "buy"u8))
        {
            return true;
        }

        side = TradeSide.Sell;
        return Utf8JsonValues.IsString(ref reader, "sell"u8);
    }

    private static bool TryReadTime(ref Utf8JsonReader reader, out DateTimeOffset time)
    {
        time = default;
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var milliseconds)
            || milliseconds is < MinUnixMilliseconds or > MaxUnixMilliseconds)
        {
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        return true;
    }

    private static Feed ReadFeed(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Feed.None;
        }

        return Utf8JsonValues.TextEquals(ref reader, "trade"u8) ? Feed.Trade
            : Utf8JsonValues.TextEquals(ref reader, "trade_snapshot"u8) ? Feed.TradeSnapshot
            : Utf8JsonValues.TextEquals(ref reader, "ticker"u8) ? Feed.Ticker
            : Utf8JsonValues.TextEquals(ref reader, "heartbeat"u8) ? Feed.Heartbeat
            : Feed.Other;
    }

    private static Event ReadEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return Event.None;
        }

        // "subscribed_failed" and "alert" are documented failure events next to "error".
        return Utf8JsonValues.TextEquals(ref reader, "subscribed"u8) || Utf8JsonValues.TextEquals(ref reader, "unsubscribed"u8) ? Event.Subscribed
            : Utf8JsonValues.TextEquals(ref reader, "error"u8) || Utf8JsonValues.TextEquals(ref reader, "alert"u8)
                || Utf8JsonValues.TextEquals(ref reader, "subscribed_failed"u8) || Utf8JsonValues.TextEquals(ref reader, "unsubscribed_failed"u8)
                ? Event.Error
            : Utf8JsonValues.TextEquals(ref reader, "info"u8) ? Event.Info
            : Event.Other;
    }

    private struct Fields
    {
        public Field Present;
        public Field Bad;
        public string? ProductId;
        public string? Uid;
        public TradeSide Side;
        public decimal Price;
        public decimal Quantity;
        public DateTimeOffset Time;
        public long Seq;
        public decimal Bid;
        public decimal Ask;
        public decimal BidSize;
        public decimal AskSize;
    }
}
