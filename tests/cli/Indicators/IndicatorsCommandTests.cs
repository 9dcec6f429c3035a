using System.Globalization;
using Trading.FakeVenues;

namespace Trading.Cli.Tests.Indicators;

public sealed class IndicatorsCommandTests : IDisposable
{
    private const double RelativeTolerance = 1e-9;

    private readonly string _directory = Directory.CreateTempSubdirectory("indicators-command-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    // Reference file, its market input, the reference's rows (the 1m reference covers the first 5,000 of 20,219) and the
    // candle length the command should find.
    public static TheoryData<string, string, int, string> ReferenceFiles => new()
    {
        { "btcusd-1m-reference.csv", "btcusd-perp-ftx-1m-20211231-20220114.csv", 5_000, "1m" },
        { "btcusd-5m-reference.csv", "btcusd-perp-ftx-5m-20211231-20220104.csv", 999, "5m" },
        { "btcusd-coinbase-1m-20161007-20161009-reference.csv", "btcusd-coinbase-1m-20161007-20161009.csv", 4_216, "1m" },
        { "ethusd-coinbase-1m-20170903-20170904-reference.csv", "ethusd-coinbase-1m-20170903-20170904.csv", 2_880, "1m" },
    };

    [Theory]
    [MemberData(nameof(ReferenceFiles))]
    public async Task Writes_the_columns_of_the_ta_lib_reference_and_matches_every_cell(
        string referenceFile, string marketFile, int referenceRows, string candleLength)
    {
        var path = Path.Combine(_directory, "indicators.csv");

        var exitCode = await RunAsync("indicators", "--input", SharedData("market", marketFile), "--output", path);

        var written = File.ReadAllLines(path);
        var reference = File.ReadAllLines(SharedData("indicators", referenceFile));
        var marketRows = File.ReadLines(SharedData("market", marketFile)).Skip(1).Count(line => line.Length > 0);
        Assert.Equal(0, exitCode);
        Assert.Equal(reference[0], written[0]);
        Assert.Equal(1 + referenceRows, reference.Length);
        Assert.Equal(1 + marketRows, written.Length);
        Assert.Empty(Mismatches(reference[0].Split(','), reference.Skip(1), written.Skip(1).Take(referenceRows)).Take(10));
        Assert.Equal($"Wrote {marketRows} rows of 26 indicator columns ({candleLength} candles) to {path}", _errors.ToString().Trim());
    }

    [Fact]
    public async Task Writes_to_standard_output_without_a_summary_when_there_is_no_output_file()
    {
        var lines = File.ReadLines(SharedData("market", "ethusd-coinbase-1m-20170903-20170904.csv")).Take(31).ToList();
        var input = WriteInput(lines);

        var exitCode = await RunAsync("indicators", "--input", input);

        var written = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var reference = File.ReadLines(SharedData("indicators", "ethusd-coinbase-1m-20170903-20170904-reference.csv")).Take(31).ToList();
        Assert.Equal(0, exitCode);
        Assert.Equal(reference[0], written[0]);
        Assert.Equal(reference.Skip(1).Select(line => line.Split(',')[0]), written.Skip(1).Select(line => line.Split(',')[0]));
        Assert.Empty(Mismatches(reference[0].Split(','), reference.Skip(1), written.Skip(1)));
        Assert.Empty(_errors.ToString());
    }

    [Fact]
    public async Task A_missing_input_option_exits_with_code_2_and_names_it()
    {
        var exitCode = await RunAsync("indicators", "--output", Path.Combine(_directory, "out.csv"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--input", _errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task A_missing_input_file_exits_with_code_2()
    {
        var missing = Path.Combine(_directory, "missing.csv");

        var exitCode = await RunAsync("indicators", "--input", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains(missing, _errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    public static TheoryData<string, int, string> MalformedRows => new()
    {
        { "2024-01-01T00:02:00Z,100,101,99,100", 4, "6 cells" },
        { "2024-01-01T00:02:00Z,100,101,99,abc,5", 4, "close 'abc'" },
        { "2024-01-01T00:02:00Z,100,99,101,100,5", 4, "contradict" },
        { "2024-01-01T00:01:00Z,100,101,99,100,5", 4, "increasing time order" },
        { "yesterday,100,101,99,100,5", 4, "yesterday" },
    };

    [Theory]
    [MemberData(nameof(MalformedRows))]
    public async Task A_malformed_row_fails_with_its_line_number_before_anything_is_written(string badRow, int line, string problem)
    {
        var input = WriteInput(
        [
            "time_utc_iso,open,high,low,close,volume",
            "2024-01-01T00:00:00Z,100,101,99,100,5",
            "2024-01-01T00:01:00Z,100,101,99,100,5",
            badRow,
            "2024-01-01T00:03:00Z,100,101,99,100,5",
        ]);
        var path = Path.Combine(_directory, "out.csv");

        var exitCode = await RunAsync("indicators", "--input", input, "--output", path);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"line {line}:", _errors.ToString(), StringComparison.Ordinal);
        Assert.Contains(problem, _errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(path));
        Assert.Single(Directory.EnumerateFiles(_directory));
    }

    [Fact]
    public async Task A_file_without_the_candle_header_fails_on_line_1()
    {
        var input = WriteInput(["time,price,size,side", "2024-01-01T00:00:00.123Z,100,1,buy"]);

        var exitCode = await RunAsync("indicators", "--input", input);

        Assert.Equal(1, exitCode);
        Assert.Contains("line 1:", _errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task Takes_the_smallest_step_between_rows_as_the_candle_length_and_one_minute_for_a_single_row()
    {
        var gapped = WriteInput(
        [
            "time_utc_iso,open,high,low,close,volume",
            "2024-01-01T00:00:00Z,100,101,99,100,5",
            "2024-01-01T01:00:00Z,100,101,99,100,5",
            "2024-01-01T01:15:00Z,100,101,99,100,5",
            "2024-01-01T02:00:00Z,100,101,99,100,5",
        ]);
        var single = WriteInput(["time_utc_iso,open,high,low,close,volume", "2024-01-01T00:00:00Z,100,101,99,100,5"]);

        await RunAsync("indicators", "--input", gapped, "--output", Path.Combine(_directory, "gapped.out.csv"));
        await RunAsync("indicators", "--input", single, "--output", Path.Combine(_directory, "single.out.csv"));

        var summaries = _errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Wrote 4 rows of 26 indicator columns (15m candles)", summaries[0], StringComparison.Ordinal);
        Assert.Contains("Wrote 1 rows of 26 indicator columns (1m candles)", summaries[1], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    // Every cell that is empty on one side only, or differs by more than 1e-9·max(1, |reference|) (Bollinger upper and lower:
    // 1e-6 absolute, the one-pass vs two-pass variance difference the reference README describes). Rows are matched by time.
    private static IEnumerable<string> Mismatches(string[] header, IEnumerable<string> referenceRows, IEnumerable<string> writtenRows)
    {
        foreach (var (expected, actual) in referenceRows.Select(line => line.Split(',')).Zip(writtenRows.Select(line => line.Split(','))))
        {
            if (expected[0] != actual[0] || expected.Length != actual.Length)
            {
                yield return $"row {expected[0]}: written as {actual[0]} with {actual.Length} cells";
                continue;
            }

            for (var i = 1; i < header.Length; i++)
            {
                if (expected[i].Length == 0 || actual[i].Length == 0)
                {
                    if (expected[i].Length != actual[i].Length)
                    {
                        yield return $"{header[i]} at {expected[0]}: expected '{expected[i]}', written '{actual[i]}'";
                    }

                    continue;
                }

                var reference = double.Parse(expected[i], CultureInfo.InvariantCulture);
                var value = double.Parse(actual[i], CultureInfo.InvariantCulture);
                var tolerance = header[i] is "bb_upper_20_2" or "bb_lower_20_2" ? 1e-6 : RelativeTolerance * Math.Max(1, Math.Abs(reference));
                if (!(Math.Abs(value - reference) <= tolerance))
                {
                    yield return $"{header[i]} at {expected[0]}: expected {expected[i]}, written {actual[i]}";
                }
            }
        }
    }

    private static string SharedData(string folder, string file) => SharedFixtures.PathOf(Path.Combine("..", "data", folder, file));

    private string WriteInput(IEnumerable<string> lines)
    {
        var path = Path.Combine(_directory, $"input-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return path;
    }

    private Task<int> RunAsync(params string[] arguments) => Program.InvokeAsync(arguments, TimeProvider.System, _output, _errors);
}
