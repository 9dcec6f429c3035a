using System.Globalization;
using System.Runtime.CompilerServices;
using Trading.Contracts.MarketData;

namespace Trading.MarketData.Replay;

/// <summary>
/// Streams a trades file (<c>time_utc_iso,price,size,side</c>) line by line. Line numbers are 1-based and count every
/// physical line, header included, so they match what an editor shows and can serve as a resume cursor.
/// </summary>
public sealed class TradeFileReader(TextReader reader)
{
    public const string Header = "time_utc_iso,price,size,side";

    private const DateTimeStyles TimeStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>
    /// Yields the data lines from <paramref name="firstLine"/> on. A header on line 1 and blank lines are skipped;
    /// malformed lines are yielded with their error so the caller can log and count them.
    /// </summary>
    public async IAsyncEnumerable<TradeFileLine> ReadAsync(int firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (lineNumber, line) in DataFileLines.ReadAsync(reader, firstLine, cancellationToken))
        {
            yield return ParseLine(line, lineNumber);
        }
    }

    /// <summary>Parses one data line. Numbers use the invariant culture; times without an offset are taken as UTC.</summary>
    public static TradeFileLine ParseLine(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 4)
        {
            return TradeFileLine.Malformed(lineNumber, line, $"expected 4 fields ({Header}), found {fields.Length}");
        }

        if (!DateTimeOffset.TryParse(fields[0].Trim(), CultureInfo.InvariantCulture, TimeStyles, out var time))
        {
            return TradeFileLine.Malformed(lineNumber, line, "time is not an ISO-8601 timestamp");
        }

        if (!TryParsePositive(fields[1], out var price))
        {
            return TradeFileLine.Malformed(lineNumber, line, "price is not a positive number");
        }

        if (!TryParsePositive(fields[2], out var size))
        {
            return TradeFileLine.Malformed(lineNumber, line, "size is not a positive number");
        }

        if (!TryParseSide(fields[3], out var side))
        {
            return TradeFileLine.Malformed(lineNumber, line, "side is not buy or sell");
        }

        return new TradeFileLine { LineNumber = lineNumber, Trade = new RecordedTrade(lineNumber, time.ToUniversalTime(), price, size, side) };
    }

    private static bool TryParsePositive(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0m;

    // Kraken's REST trades say b/s for the taker side; the recorded files already spell it out, but accept both.
    private static bool TryParseSide(string text, out TradeSide side)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "buy" or "b":
                side = TradeSide.Buy;
                return true;
            case "sell" or "s":
                side = TradeSide.Sell;
                return true;
            default:
                side = default;
                return false;
        }
    }
}
