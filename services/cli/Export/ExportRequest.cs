namespace Trading.Cli.Export;

/// <summary>One run of <c>trading export</c>, its arguments checked.</summary>
public sealed record ExportRequest
{
    public required ExportSource Source { get; init; }

    /// <summary>First time included (UTC), or null for no lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>First time excluded (UTC), or null for no upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    public required ExportFormat Format { get; init; }

    /// <summary>The file to write, or null for standard output.</summary>
    public string? OutPath { get; init; }

    /// <summary>The Postgres connection string, without the search path: the schema is <see cref="Schema"/>.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The schema to read: the owning service's unless <c>--schema</c> names another.</summary>
    public required string Schema { get; init; }
}
