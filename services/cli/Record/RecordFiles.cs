using System.Globalization;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;

namespace Trading.Cli.Record;

/// <summary>
/// The files <c>trading record</c> writes per symbol into its <c>--out</c> directory, named like the files in
/// <c>shared/data/market</c>: <c>btcusd-kraken-trades-20251110.csv</c>, <c>btcusd-kraken-1m-20251110.csv</c> (one file per
/// UTC day of the trade's or the bar's venue time) and <c>btcusd-kraken-gaps.csv</c>.
/// </summary>
public static class RecordFiles
{
    public const string TradesHeader = "time_utc_iso,price,size,side";

    public const string GapsHeader = "from_utc_iso,to_utc_iso,reason";

    /// <summary><c>BTC/USD</c> becomes <c>btcusd</c>, <c>BTC/USD:PERP</c> becomes <c>btcusd-perp</c>.</summary>
    public static string Slug(string symbol) => symbol.ToLowerInvariant().Replace("/", "", StringComparison.Ordinal).Replace(':', '-');

    /// <summary><c>KRAKEN_FUTURES</c> becomes <c>kraken-futures</c>: the spelling of <c>--venue</c>.</summary>
    public static string VenueName(string venue) => venue.ToLowerInvariant().Replace('_', '-');

    public static string Trades(string directory, string venue, string symbol, DateOnly day) =>
        Path.Combine(directory, $"{Slug(symbol)}-{VenueName(venue)}-trades-{Day(day)}.csv");

    public static string Candles(string directory, string venue, string symbol, DateOnly day) =>
        Path.Combine(directory, $"{Slug(symbol)}-{VenueName(venue)}-1m-{Day(day)}.csv");

    public static string Gaps(string directory, string venue, string symbol) =>
        Path.Combine(directory, $"{Slug(symbol)}-{VenueName(venue)}-gaps.csv");

    /// <summary>The UTC day a venue time belongs to, which names its file.</summary>
    public static DateOnly DayOf(DateTimeOffset time) => DateOnly.FromDateTime(time.UtcDateTime);

    /// <summary>A trade row: time with milliseconds, price and size as the venue sent them, the taker side.</summary>
    public static string TradeRow(VenueTrade trade) => string.Join(
        ',',
        FormatTradeTime(trade.ExchangeTime),
        trade.Price.ToString(CultureInfo.InvariantCulture),
        trade.Quantity.ToString(CultureInfo.InvariantCulture),
        trade.Side == TradeSide.Buy ? "buy" : "sell");

    public static string GapRow(DateTimeOffset from, DateTimeOffset to, string reason) =>
        string.Join(',', FormatTradeTime(from), FormatTradeTime(to), Quote(reason));

    public static string FormatTradeTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; line breaks become spaces.
    private static string Quote(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.AsSpan().IndexOfAny(",\"") < 0 ? flat : "\"" + flat.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
