using System.Globalization;
using System.Runtime.CompilerServices;

namespace Trading.MarketData.Replay;

/// <summary>
/// Streams a candles file (<c>time_utc_iso,open,high,low,close,volume</c>, time = bar start) line by line, numbering physical
/// lines from 1 with the header included, like <see cref="TradeFileReader"/>.
/// </summary>
public sealed class CandleFileReader(TextReader reader)
{
    public const string Header = "time_utc_iso,open,high,low,close,volume";

    private const DateTimeStyles TimeStyles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <summary>
    /// Yields the data lines from <paramref name="firstLine"/> on. A header on line 1 and blank lines are skipped;
    /// malformed lines are yielded with their error so the caller can log and count them.
    /// </summary>
    public async IAsyncEnumerable<CandleFileLine> ReadAsync(int firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (lineNumber, line) in DataFileLines.ReadAsync(reader, firstLine, cancellationToken))
        {
            yield return ParseLine(line, lineNumber);
        }
    }

    /// <summary>Parses one data line. Numbers use the invariant culture; times without an offset are taken as UTC.</summary>
    public static CandleFileLine ParseLine(string line, int lineNumber)
    {
        var fields = line.Split(',');
        if (fields.Length != 6)
        {
            return CandleFileLine.Malformed(lineNumber, line, $"expected 6 fields ({Header}), found {fields.Length}");
        }

        if (!DateTimeOffset.TryParse(fields[0].Trim(), CultureInfo.InvariantCulture, TimeStyles, out var openedAt))
        {
            return CandleFileLine.Malformed(lineNumber, line, "time is not an ISO-8601 timestamp");
        }

        if (!TryParsePrice(fields[1], out var open) || !TryParsePrice(fields[2], out var high)
            || !TryParsePrice(fields[3], out var low) || !TryParsePrice(fields[4], out var close))
        {
            return CandleFileLine.Malformed(lineNumber, line, "open, high, low and close must be positive numbers");
        }

        if (low > Math.Min(open, close) || high < Math.Max(open, close))
        {
            return CandleFileLine.Malformed(lineNumber, line, "low must not exceed open or close, and high must not be below them");
        }

        if (!decimal.TryParse(fields[5].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var volume) || volume < 0m)
        {
            return CandleFileLine.Malformed(lineNumber, line, "volume is not a number at or above zero");
        }

        return new CandleFileLine
        {
            LineNumber = lineNumber,
            Candle = new RecordedCandle(lineNumber, openedAt.ToUniversalTime(), open, high, low, close, volume),
        };
    }

    private static bool TryParsePrice(string text, out decimal value) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && value > 0m;
}
