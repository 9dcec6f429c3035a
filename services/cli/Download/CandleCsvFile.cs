using System.Globalization;
using System.Text;
using Trading.Markets;

namespace Trading.Cli.Download;

/// <summary>
/// The candle CSV format of <c>shared/data/market</c>: one header line, then <c>time_utc_iso,open,high,low,close,volume</c>
/// rows in ascending bar-start time, invariant numbers without trailing zeros, <c>\n</c> line ends.
/// </summary>
public static class CandleCsvFile
{
    public const string Header = "time_utc_iso,open,high,low,close,volume";

    // decimal's largest scale is 28, so this keeps every significant digit and drops trailing zeros and a bare point.
    private const string NumberFormat = "0.############################";

    public static string FormatRow(Candle candle) => string.Join(
        ',',
        FormatTime(candle.OpenedAt),
        FormatNumber(candle.Open),
        FormatNumber(candle.High),
        FormatNumber(candle.Low),
        FormatNumber(candle.Close),
        FormatNumber(candle.Volume));

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string FormatNumber(decimal value) => value.ToString(NumberFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Prepares <paramref name="path"/> for appending: creates it with the header when missing or empty, refuses a file
    /// whose first line is not the header, and cuts off a trailing partial line left by an interrupted write (rows are
    /// only ever written whole, ending in a newline).
    /// </summary>
    /// <returns>The bar start of the last row, or null when the file holds no rows yet.</returns>
    /// <exception cref="CandleFileException">The file is not a candle file in this format.</exception>
    public static DateTimeOffset? PrepareForAppend(string path)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length == 0)
        {
            var header = Encoding.UTF8.GetBytes(Header + "\n");
            stream.Write(header);
            stream.Flush(flushToDisk: true);
            return null;
        }

        var firstLine = ReadFirstLine(stream);
        if (firstLine is null || firstLine.TrimEnd('\r').TrimStart('\uFEFF') != Header)
        {
            throw new CandleFileException(
                path,
                $"{path} is not a candle file: its first line is '{CsvFileTail.Shorten(firstLine ?? "")}', expected '{Header}'. Choose another --out file.");
        }

        var end = CsvFileTail.StartOfLineBefore(stream, stream.Length);
        if (end < stream.Length)
        {
            stream.SetLength(end);
        }

        var lastLine = CsvFileTail.LastLine(stream, end);
        if (lastLine is null || lastLine.TrimEnd('\r').TrimStart('\uFEFF') == Header)
        {
            return null;
        }

        var time = lastLine[..Math.Max(0, lastLine.IndexOf(','))];
        return DateTimeOffset.TryParse(
            time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw new CandleFileException(path, $"{path} ends with a row whose time cannot be read: '{CsvFileTail.Shorten(lastLine)}'.");
    }

    private static string? ReadFirstLine(FileStream stream)
    {
        stream.Position = 0;
        var buffer = new byte[Math.Min(stream.Length, 4096)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
        return newline < 0 ? null : Encoding.UTF8.GetString(buffer, 0, newline);
    }
}
