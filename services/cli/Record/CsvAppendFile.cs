using System.Text;

namespace Trading.Cli.Record;

/// <summary>
/// One CSV file that is only ever appended to, in whole <c>\n</c>-terminated rows under a single header line, so a
/// recording can be stopped and started again on the same file. Opened on the first row written; not thread-safe.
/// </summary>
public sealed class CsvAppendFile(string path, string header) : IDisposable
{
    private StreamWriter? _writer;

    public string Path { get; } = path;

    /// <summary>The last row in the file (written before this run or by it), or null when it holds none; valid once open.</summary>
    public string? LastRow { get; private set; }

    public bool IsOpen => _writer is not null;

    /// <summary>Opens the file for appending, creating it with the header when it is missing or empty.</summary>
    /// <exception cref="RecordFileException">The file's first line is not the header.</exception>
    public void Open()
    {
        if (_writer is not null)
        {
            return;
        }

        LastRow = PrepareForAppend(Path, header);
        var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
    }

    public void WriteRow(string row)
    {
        Open();
        _writer!.WriteLine(row);
        LastRow = row;
    }

    public void Flush() => _writer?.Flush();

    public void Dispose()
    {
        _writer?.Dispose();
        _writer = null;
    }

    /// <summary>Throws when <paramref name="path"/> exists and is not a file with this header; leaves it unchanged.</summary>
    /// <exception cref="RecordFileException">The file's first line is not the header.</exception>
    public static void CheckHeader(string path, string header)
    {
        if (!File.Exists(path))
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length > 0)
        {
            RequireHeader(stream, path, header);
        }
    }

    /// <summary>
    /// Creates the file with the header when missing or empty, refuses a file whose first line is not the header, and
    /// cuts off a trailing partial row left by an interrupted write.
    /// </summary>
    /// <returns>The last whole row, or null when the file holds no rows.</returns>
    public static string? PrepareForAppend(string path, string header)
    {
        using var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length == 0)
        {
            stream.Write(Encoding.UTF8.GetBytes(header + "\n"));
            return null;
        }

        RequireHeader(stream, path, header);
        var end = CsvFileTail.StartOfLineBefore(stream, stream.Length);
        if (end < stream.Length)
        {
            stream.SetLength(end);
        }

        var last = CsvFileTail.LastLine(stream, end);
        return last is null || IsHeader(last, header) ? null : last.TrimEnd('\r');
    }

    private static void RequireHeader(FileStream stream, string path, string header)
    {
        stream.Position = 0;
        var buffer = new byte[(int)Math.Min(stream.Length, 4096)];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
        var first = Encoding.UTF8.GetString(buffer, 0, newline < 0 ? read : newline);
        if (newline < 0 || !IsHeader(first, header))
        {
            throw new RecordFileException(
                path,
                $"{path} is not a file trading record can append to: its first line is '{CsvFileTail.Shorten(first)}', expected '{header}'. " +
                "Move it away or choose another --out directory.");
        }
    }

    private static bool IsHeader(string line, string header) => line.TrimEnd('\r').TrimStart('\uFEFF') == header;
}
