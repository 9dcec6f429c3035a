using System.CommandLine;
using System.Text;

namespace Trading.Cli.Indicators;

/// <summary><c>trading indicators</c>: every indicator of the TA-Lib reference files over a candle CSV file, as a CSV table.</summary>
public static class IndicatorsCommand
{
    private const string Description = """
        Compute indicators over a candle CSV file (the shared/data/market format: time_utc_iso,open,high,low,close,volume,
        one candle per row, bar start time, increasing). Writes time_utc_iso and the columns of the TA-Lib reference files in
        shared/data/indicators, in their order and with their parameters (sma_20 ... trange), one row per candle: values in
        round-trip invariant formatting, an empty cell where an indicator is still warming up. The candle length is the
        smallest step between consecutive rows (1m for a file with one row). Without --output the table goes to standard output.
        The input is checked whole before anything is written. A missing input or a bad option exits with 2, a malformed
        file with 1 and the line number.
        """;

    /// <param name="output">Where the table goes without --output; null for standard output.</param>
    /// <param name="errors">Where errors and the summary go; null for standard error.</param>
    public static Command Create(TextWriter? output = null, TextWriter? errors = null)
    {
        var input = new Option<string?>("--input") { Description = "Candle CSV file to read" };
        var outFile = new Option<string?>("--output") { Description = "CSV file to write (replaced); default: standard output" };

        var command = new Command("indicators", Description) { input, outFile };
        command.SetAction((result, cancellationToken) =>
        {
            var err = errors ?? Console.Error;
            var inputPath = result.GetValue(input);
            var outputPath = result.GetValue(outFile);
            if (!TryCheckPaths(inputPath, outputPath, out var error))
            {
                err.WriteLine(error);
                return Task.FromResult(Program.BadArgumentsExitCode);
            }

            return Task.FromResult(Run(Path.GetFullPath(inputPath!), outputPath is null ? null : Path.GetFullPath(outputPath), output, err, cancellationToken));
        });
        return command;
    }

    private static int Run(string inputPath, string? outputPath, TextWriter? output, TextWriter errors, CancellationToken cancellationToken)
    {
        // Written beside the target and moved over it at the end, so a failed or interrupted run never leaves half a table.
        var temporaryPath = outputPath is null ? null : outputPath + ".partial";
        try
        {
            var (_, candleDuration) = CandleCsvReader.Scan(inputPath, cancellationToken);
            if (temporaryPath is null)
            {
                WriteToStandardOutput(inputPath, candleDuration, output, cancellationToken);
                return 0;
            }

            int rows;
            int columns;
            using (var writer = new StreamWriter(temporaryPath, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                (rows, columns) = IndicatorCsvWriter.Write(inputPath, candleDuration, writer, cancellationToken);
            }

            File.Move(temporaryPath, outputPath!, overwrite: true);
            errors.WriteLine($"Wrote {rows} rows of {columns} indicator columns ({FormatDuration(candleDuration)} candles) to {outputPath}");
            return 0;
        }
        catch (CandleCsvFormatException exception)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
        catch (IOException exception)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
        catch (UnauthorizedAccessException exception)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            errors.WriteLine($"Interrupted.{(outputPath is null ? "" : $" {outputPath} was not written.")}");
            return 130;
        }
        finally
        {
            if (temporaryPath is not null)
            {
                File.Delete(temporaryPath);
            }
        }
    }

    private static void WriteToStandardOutput(string inputPath, TimeSpan candleDuration, TextWriter? output, CancellationToken cancellationToken)
    {
        if (output is not null)
        {
            IndicatorCsvWriter.Write(inputPath, candleDuration, output, cancellationToken);
            output.Flush();
            return;
        }

        // Console.Out flushes on every write; a buffered writer over the raw stream is many times faster for large tables.
        using var standardOutput = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        IndicatorCsvWriter.Write(inputPath, candleDuration, standardOutput, cancellationToken);
    }

    private static bool TryCheckPaths(string? inputPath, string? outputPath, out string error)
    {
        error = "";
        if (string.IsNullOrWhiteSpace(inputPath))
        {
            error = "Missing --input, the candle CSV file to read (time_utc_iso,open,high,low,close,volume).";
            return false;
        }

        if (!File.Exists(inputPath))
        {
            error = $"--input {inputPath} does not exist.";
            return false;
        }

        if (outputPath is null)
        {
            return true;
        }

        var fullOutputPath = Path.GetFullPath(outputPath);
        if (string.Equals(fullOutputPath, Path.GetFullPath(inputPath), StringComparison.Ordinal))
        {
            error = $"--output {outputPath} is the input file; choose another file.";
            return false;
        }

        if (Directory.Exists(fullOutputPath) || !Directory.Exists(Path.GetDirectoryName(fullOutputPath)))
        {
            error = $"Bad --output {outputPath}: it must be a file in an existing directory.";
            return false;
        }

        return true;
    }

    private static string FormatDuration(TimeSpan duration) => duration switch
    {
        _ when duration.Ticks % TimeSpan.TicksPerDay == 0 => $"{duration.Ticks / TimeSpan.TicksPerDay}d",
        _ when duration.Ticks % TimeSpan.TicksPerHour == 0 => $"{duration.Ticks / TimeSpan.TicksPerHour}h",
        _ when duration.Ticks % TimeSpan.TicksPerMinute == 0 => $"{duration.Ticks / TimeSpan.TicksPerMinute}m",
        _ when duration.Ticks % TimeSpan.TicksPerSecond == 0 => $"{duration.Ticks / TimeSpan.TicksPerSecond}s",
        _ => duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };
}
