namespace Trading.Cli.Export;

/// <summary>Writes exported rows in one format: the columns first, then each row, then the end.</summary>
public interface IExportWriter
{
    void WriteHeader(IReadOnlyList<ExportColumn> columns);

    /// <param name="values">One value per column, null for SQL NULL.</param>
    void WriteRow(IReadOnlyList<object?> values);

    void Complete();
}
