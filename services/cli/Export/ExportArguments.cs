using System.Globalization;
using Npgsql;

namespace Trading.Cli.Export;

/// <summary>Turns the command's raw option values into an <see cref="ExportRequest"/>, or a message saying what is wrong.</summary>
public static class ExportArguments
{
    /// <param name="kinds">The kinds whose flag was given (<c>--trades</c>, <c>--signals</c>, <c>--decisions</c>): exactly one.</param>
    /// <param name="postgres">The <c>--postgres</c> value, or null.</param>
    /// <param name="environmentPostgres">The <c>ConnectionStrings__Postgres</c> environment variable, or null.</param>
    public static bool TryCreate(
        IReadOnlyList<ExportKind> kinds,
        string? from,
        string? to,
        string format,
        string? output,
        string? postgres,
        string? environmentPostgres,
        string? schema,
        out ExportRequest request,
        out string error)
    {
        request = null!;
        error = "";
        if (kinds.Count != 1)
        {
            error = kinds.Count == 0
                ? "Missing what to export: pass one of --trades, --signals or --decisions."
                : $"Pass only one of --trades, --signals or --decisions, not {string.Join(" and ", kinds.Select(k => "--" + ExportSource.For(k).Noun))}.";
            return false;
        }

        if (!TryParseBound(from, "--from", out var fromTime, out error) || !TryParseBound(to, "--to", out var toTime, out error))
        {
            return false;
        }

        if (fromTime is { } start && toTime is { } end && start >= end)
        {
            error = $"--from {ExportValues.FormatTime(start)} is not before --to {ExportValues.FormatTime(end)}: the window is empty.";
            return false;
        }

        if (output is not null && (string.IsNullOrWhiteSpace(output) || !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(output)))))
        {
            error = $"Bad --out '{output}': its folder does not exist.";
            return false;
        }

        var connection = string.IsNullOrWhiteSpace(postgres) ? environmentPostgres : postgres;
        if (string.IsNullOrWhiteSpace(connection))
        {
            error = "No database: pass --postgres \"Host=…;Username=…;Password=…;Database=…\" or set ConnectionStrings__Postgres.";
            return false;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connection);
        }
        catch (ArgumentException ex)
        {
            error = $"Bad --postgres connection string: {ex.Message}";
            return false;
        }

        if (schema is not null && string.IsNullOrWhiteSpace(schema))
        {
            error = "Bad --schema: name a schema, or leave the option out to read the service's own.";
            return false;
        }

        var source = ExportSource.For(kinds[0]);
        request = new ExportRequest
        {
            Source = source,
            From = fromTime,
            To = toTime,
            Format = format == "json" ? ExportFormat.Json : ExportFormat.Csv,
            OutPath = output is null ? null : Path.GetFullPath(output),
            ConnectionString = connection,
            Schema = schema?.Trim() ?? source.DefaultSchema,
        };
        return true;
    }

    // ISO-8601 only (no culture-dependent forms such as 11/10/2025); a time without an offset is UTC, never the machine's local time.
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static bool TryParseBound(string? text, string option, out DateTimeOffset? time, out string error)
    {
        time = null;
        error = "";
        if (text is null)
        {
            return true;
        }

        if (!DateTimeOffset.TryParseExact(
                text.Trim(), IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            error = $"Bad {option} '{text}': use an ISO-8601 UTC date or time such as 2025-11-01 or 2025-11-01T12:00:00Z.";
            return false;
        }

        time = parsed;
        return true;
    }
}
