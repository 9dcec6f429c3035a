namespace Trading.Cli.Export;

/// <summary>How <c>trading export</c> writes the rows.</summary>
public enum ExportFormat
{
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,

    /// <summary>A JSON array with one object per row.</summary>
    Json,
}
