namespace Trading.Cli.Export;

/// <summary>One column of the exported rows: its name (the CSV header, the JSON property) and its Postgres type.</summary>
public sealed record ExportColumn(string Name, string DataTypeName)
{
    /// <summary>A json or jsonb column: its text is a JSON value, written as one in JSON and as its text in CSV.</summary>
    public bool IsJson => DataTypeName is "jsonb" or "json";
}
