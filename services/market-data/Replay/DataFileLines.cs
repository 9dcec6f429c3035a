using System.Runtime.CompilerServices;

namespace Trading.MarketData.Replay;

/// <summary>
/// The data lines of a recorded CSV file (trades or candles). Line numbers are 1-based and count every physical line,
/// header included, so they match what an editor shows and can serve as a resume cursor.
/// </summary>
public static class DataFileLines
{
    /// <summary>Yields the lines from <paramref name="firstLine"/> on, without a header on line 1 and without blank lines.</summary>
    public static async IAsyncEnumerable<(int LineNumber, string Text)> ReadAsync(
        TextReader reader, int firstLine, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (lineNumber < firstLine || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (lineNumber == 1 && line.Trim().StartsWith("time", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            yield return (lineNumber, line);
        }
    }
}
