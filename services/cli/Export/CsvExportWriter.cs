namespace Trading.Cli.Export;

/// <summary>
/// RFC 4180 CSV: a header of the column names, records ended by CRLF, a field quoted (its quotes doubled) when it holds a comma,
/// a quote, CR or LF. NULL is an empty field; an empty string is <c>""</c>, so the two stay apart.
/// </summary>
public sealed class CsvExportWriter(TextWriter writer) : IExportWriter
{
    private const string RecordEnd = "\r\n";

    public void WriteHeader(IReadOnlyList<ExportColumn> columns) => WriteRecord(columns.Select(c => Field(c.Name)));

    public void WriteRow(IReadOnlyList<object?> values) =>
        WriteRecord(values.Select(value => value is null ? "" : Field(ExportValues.Text(value))));

    public void Complete()
    {
    }

    /// <summary>The field as RFC 4180 writes it.</summary>
    public static string Field(string text) =>
        text.Length == 0 ? "\"\""
        : text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
        : text;

    private void WriteRecord(IEnumerable<string> fields)
    {
        writer.Write(string.Join(',', fields));
        writer.Write(RecordEnd);
    }
}
