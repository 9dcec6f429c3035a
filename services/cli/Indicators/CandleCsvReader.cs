using System.Globalization;
using Trading.Cli.Download;

namespace Trading.Cli.Indicators;

/// <summary>
/// Reads a candle CSV file in the <c>shared/data/market</c> format (<c>time_utc_iso,open,high,low,close,volume</c>, the time
/// being the bar start) line by line, so files of any size stream through in constant memory.
/// </summary>
/// <remarks>Fails fast, with the line number, on a missing header, a row that does not have six cells, a time or number that
/// does not parse, prices that contradict each other (high below low, open or close outside the range), a negative volume,
/// or a time that is not after the previous row's. Gaps between rows are allowed; empty lines are skipped.</remarks>
public static class CandleCsvReader
{
    /// <summary>The candle length of a file when it does not follow from the rows: a file with fewer than two rows.</summary>
    public static readonly TimeSpan DefaultCandleDuration = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reads the whole file once to check every row and to find the candle length, which a candle file does not state: the
    /// smallest step between consecutive rows (rows after a gap are further apart, never closer), or
    /// <see cref="DefaultCandleDuration"/> when the file has fewer than two rows.
    /// </summary>
    /// <exception cref="CandleCsvFormatException">A line is not in the format.</exception>
    public static (int Rows, TimeSpan CandleDuration) Scan(string path, CancellationToken cancellationToken = default)
    {
        var rows = 0;
        TimeSpan? smallestStep = null;
        DateTimeOffset previous = default;
        foreach (var row in ReadRows(path))
        {
            if (rows++ > 0 && (smallestStep is null || row.OpenedAt - previous < smallestStep))
            {
                smallestStep = row.OpenedAt - previous;
            }

            previous = row.OpenedAt;
            if (rows % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return (rows, smallestStep ?? DefaultCandleDuration);
    }

    /// <exception cref="CandleCsvFormatException">A line is not in the format; thrown when the enumeration reaches it.</exception>
    public static IEnumerable<CandleCsvRow> ReadRows(string path)
    {
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        if (header != CandleCsvFile.Header)
        {
            throw new CandleCsvFormatException(
                path, 1, header is null ? $"the file is empty; expected the header '{CandleCsvFile.Header}'." : $"expected the header '{CandleCsvFile.Header}', found '{Shorten(header)}'.");
        }

        var lineNumber = 1;
        CandleCsvRow? previous = null;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var row = Parse(path, lineNumber, line);
            if (previous is not null && row.OpenedAt <= previous.OpenedAt)
            {
                throw new CandleCsvFormatException(
                    path, lineNumber, $"time {row.Time} is not after {previous.Time} on line {previous.LineNumber}; rows must be in increasing time order.");
            }

            previous = row;
            yield return row;
        }
    }

    private static CandleCsvRow Parse(string path, int lineNumber, string line)
    {
        var cells = line.Split(',');
        if (cells.Length != 6)
        {
            throw new CandleCsvFormatException(path, lineNumber, $"expected 6 cells (time_utc_iso,open,high,low,close,volume), found {cells.Length} in '{Shorten(line)}'.");
        }

        if (!DateTimeOffset.TryParse(cells[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var openedAt))
        {
            throw new CandleCsvFormatException(path, lineNumber, $"time '{Shorten(cells[0])}' is not an ISO-8601 UTC time such as 2021-12-31T23:01:00Z.");
        }

        var open = Number(path, lineNumber, "open", cells[1]);
        var high = Number(path, lineNumber, "high", cells[2]);
        var low = Number(path, lineNumber, "low", cells[3]);
        var close = Number(path, lineNumber, "close", cells[4]);
        var volume = Number(path, lineNumber, "volume", cells[5]);
        if (high < low || open < low || open > high || close < low || close > high)
        {
            throw new CandleCsvFormatException(path, lineNumber, $"prices contradict each other: open {open}, high {high}, low {low}, close {close}.");
        }

        if (volume < 0)
        {
            throw new CandleCsvFormatException(path, lineNumber, $"volume {volume} is negative.");
        }

        return new CandleCsvRow(lineNumber, cells[0], openedAt, open, high, low, close, volume);
    }

    private static decimal Number(string path, int lineNumber, string column, string cell) =>
        decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CandleCsvFormatException(path, lineNumber, $"{column} '{Shorten(cell)}' is not a number.");

    private static string Shorten(string text) => CsvFileTail.Shorten(text);
}
