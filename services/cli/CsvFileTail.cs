using System.Text;

namespace Trading.Cli;

/// <summary>Reads the end of a CSV file the CLI appends to, without reading the whole file.</summary>
public static class CsvFileTail
{
    /// <summary>The line that ends at <paramref name="end"/> (just after its '\n'), or null when <paramref name="end"/> is 0.</summary>
    public static string? LastLine(FileStream stream, long end)
    {
        if (end == 0)
        {
            return null;
        }

        var lineStart = StartOfLineBefore(stream, end - 1);
        var bytes = new byte[end - 1 - lineStart];
        stream.Position = lineStart;
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>The position just after the last '\n' before <paramref name="limit"/>, or 0 when there is none.</summary>
    public static long StartOfLineBefore(FileStream stream, long limit)
    {
        var buffer = new byte[4096];
        var position = limit;
        while (position > 0)
        {
            var start = Math.Max(0, position - buffer.Length);
            var length = (int)(position - start);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, length);
            var newline = Array.LastIndexOf(buffer, (byte)'\n', length - 1, length);
            if (newline >= 0)
            {
                return start + newline + 1;
            }

            position = start;
        }

        return 0;
    }

    /// <summary>A line cut to 60 characters for an error message.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
