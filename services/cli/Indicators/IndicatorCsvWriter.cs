using System.Globalization;

namespace Trading.Cli.Indicators;

/// <summary>
/// Writes the indicator table of a candle file: the header <c>time_utc_iso</c> and the <see cref="IndicatorColumns"/>, then one
/// row per candle with its time as written in the input, each value in round-trip ("R") invariant formatting (−0 as 0), and an empty
/// cell where the indicator is not ready yet, as in the TA-Lib reference files of <c>shared/data/indicators</c>.
/// </summary>
public static class IndicatorCsvWriter
{
    /// <summary>Writes the table of every row of <paramref name="inputPath"/> to <paramref name="writer"/>.</summary>
    /// <param name="candleDuration">The candle length of the file, see <see cref="CandleCsvReader.Scan"/>.</param>
    /// <returns>The number of rows and of indicator columns written.</returns>
    /// <exception cref="CandleCsvFormatException">A line of the input is not in the candle format.</exception>
    public static (int Rows, int Columns) Write(string inputPath, TimeSpan candleDuration, TextWriter writer, CancellationToken cancellationToken = default)
    {
        var table = IndicatorColumns.Create();
        var columns = table.Columns;
        writer.Write("time_utc_iso");
        foreach (var column in columns)
        {
            writer.Write(',');
            writer.Write(column.Name);
        }

        writer.Write('\n');
        // "R" needs at most 24 characters (-1.2345678901234567E-308), so formatting into this buffer never fails.
        Span<char> number = stackalloc char[64];
        var rows = 0;
        foreach (var row in CandleCsvReader.ReadRows(inputPath))
        {
            table.Update(row.ToCandle(candleDuration));
            writer.Write(row.Time);
            foreach (var column in columns)
            {
                writer.Write(',');
                // Adding +0 turns −0 into 0, which the reference files (written by JavaScript) also print as 0.
                if (column.Indicator.IsReady && (column.Read() + 0.0).TryFormat(number, out var length, "R", CultureInfo.InvariantCulture))
                {
                    writer.Write(number[..length]);
                }
            }

            writer.Write('\n');
            if (++rows % 65_536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        return (rows, columns.Count);
    }
}
