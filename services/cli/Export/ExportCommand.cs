using System.CommandLine;
using System.Globalization;
using System.Text;
using Npgsql;

namespace Trading.Cli.Export;

/// <summary><c>trading export</c>: trades, signals or risk decisions from the services' tables as CSV or JSON.</summary>
public static class ExportCommand
{
    /// <summary>Exit code when the database could not be read (unreachable, or the schema lacks the table); nothing was written.</summary>
    public const int DatabaseExitCode = 3;

    private const string Description = """
        Export execution's trades (positions with their entry and exit fills), signal's stored signals (published and suppressed)
        or risk's decisions (every column of the table) from Postgres as CSV or JSON, to standard output or --out. --from is
        included, --to excluded (ISO-8601 UTC). Progress and the row count go to standard error. A bad option exits 2, a
        database that cannot be read 3.
        """;

    /// <param name="output">Where the rows go without --out; null for standard output.</param>
    /// <param name="errors">Where progress, the row count and errors go; null for standard error.</param>
    public static Command Create(TextWriter? output = null, TextWriter? errors = null)
    {
        var trades = new Option<bool>("--trades") { Description = "Export execution's positions (trades), open and closed, with their fills" };
        var signals = new Option<bool>("--signals") { Description = "Export signal's stored signals, published and suppressed (with the reason)" };
        var decisions = new Option<bool>("--decisions") { Description = "Export risk's decisions, every column" };
        var from = new Option<string?>("--from") { Description = "First time included, ISO-8601 UTC (2025-11-01 or 2025-11-01T12:00:00Z)" };
        var to = new Option<string?>("--to") { Description = "First time excluded, ISO-8601 UTC" };
        var format = new Option<string>("--format") { Description = "csv or json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var outFile = new Option<string?>("--out") { Description = "File to write (default: standard output)" };
        var postgres = new Option<string?>("--postgres")
        {
            Description = "Npgsql connection string (default: the ConnectionStrings__Postgres environment variable, as the services)",
        };
        var schema = new Option<string?>("--schema") { Description = "Schema to read (default: the owning service's: execution, signal or risk)" };

        var command = new Command("export", Description) { trades, signals, decisions, from, to, format, outFile, postgres, schema };

        // Parse errors (an unknown option, a --format outside csv and json) exit with 2 in Program.InvokeAsync.
        command.SetAction((result, cancellationToken) =>
        {
            var err = errors ?? Console.Error;
            var kinds = new List<ExportKind>();
            foreach (var (flag, kind) in new[] { (trades, ExportKind.Trades), (signals, ExportKind.Signals), (decisions, ExportKind.Decisions) })
            {
                if (result.GetValue(flag))
                {
                    kinds.Add(kind);
                }
            }

            if (!ExportArguments.TryCreate(
                    kinds,
                    result.GetValue(from),
                    result.GetValue(to),
                    result.GetValue(format)!,
                    result.GetValue(outFile),
                    result.GetValue(postgres),
                    Environment.GetEnvironmentVariable("ConnectionStrings__Postgres"),
                    result.GetValue(schema),
                    out var request,
                    out var error))
            {
                err.WriteLine(error);
                err.WriteLine("Usage: trading export --help");
                return Task.FromResult(Program.BadArgumentsExitCode);
            }

            return RunAsync(request, output ?? Console.Out, err, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ExportRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var noun = request.Source.Noun;
        var window = $"{request.Source.TimeColumn} {(request.From is { } f ? ExportValues.FormatTime(f) : "any")} to {(request.To is { } t ? ExportValues.FormatTime(t) : "any")}";
        await errors.WriteLineAsync($"Exporting {noun} from schema {request.Schema} ({window}) …");
        void Progress(long rows) => errors.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… {rows:N0} {noun}"));

        // A file is written beside its name first and moved into place whole, so a failed export leaves no half file.
        var partial = request.OutPath is null ? null : request.OutPath + ".partial";
        long count;
        try
        {
            if (partial is null)
            {
                count = await ExportReader.CopyAsync(request, Writer(request.Format, output), Progress, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
            else
            {
                await using (var file = new StreamWriter(partial, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
                {
                    count = await ExportReader.CopyAsync(request, Writer(request.Format, file), Progress, cancellationToken);
                }

                File.Move(partial, request.OutPath!, overwrite: true);
            }
        }
        catch (NpgsqlException ex)
        {
            Delete(partial);
            await errors.WriteLineAsync($"Could not read {noun} from schema {request.Schema}: {ex.Message}");
            return DatabaseExitCode;
        }
        catch (Exception)
        {
            Delete(partial);
            throw;
        }

        await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {count:N0} {noun} to {request.OutPath ?? "standard output"}."));
        return 0;
    }

    private static IExportWriter Writer(ExportFormat format, TextWriter writer) =>
        format == ExportFormat.Json ? new JsonExportWriter(writer) : new CsvExportWriter(writer);

    private static void Delete(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
