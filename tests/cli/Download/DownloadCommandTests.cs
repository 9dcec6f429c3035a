namespace Trading.Cli.Tests.Download;

public sealed class DownloadCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("candle-download-command-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    public static TheoryData<string[]> BadArguments => new()
    {
        new[] { "--venue", "binance", "--symbol", "BTC/USD", "--since", "2024-01-01" },
        new[] { "--symbol", "BTC/USD", "--since", "2024-01-01" },
        new[] { "--venue", "kraken", "--symbol", "DOGE/USD", "--since", "2024-01-01" },
        new[] { "--venue", "coinbase", "--since", "2024-01-01" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--interval", "2m", "--since", "2024-01-01" },
        new[] { "--venue", "coinbase", "--symbol", "BTC/USD", "--interval", "ONE_MINUTE", "--since", "2024-01-01" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-02-01", "--until", "2024-01-01" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-03-01" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--since", "yesterday" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01", "--kraken-url", "ftp://example" },
        new[] { "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01", "--bogus" },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task Bad_arguments_exit_with_code_2_and_a_message_before_any_file_is_written(string[] arguments)
    {
        var path = Path.Combine(_directory, "out.csv");

        var exitCode = await RunAsync(new DateTimeOffset(2024, 2, 15, 0, 0, 0, TimeSpan.Zero), ["download", .. arguments, "--out", path]);

        Assert.Equal(2, exitCode);
        Assert.NotEmpty(_errors.ToString().Trim());
        Assert.False(File.Exists(path));
    }

    public static TheoryData<string[], string> ParseErrors => new()
    {
        { new[] { "download", "--venue" }, "--venue" },
        { new[] { "download", "--venue", "kraken", "--symbol", "BTC/USD", "--since" }, "--since" },
        { new[] { "download", "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01", "--bogus" }, "--bogus" },
        { new[] { "download", "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01", "--out" }, "--out" },
        { new[] { "downlaod", "--venue", "kraken" }, "downlaod" },
        { Array.Empty<string>(), "command" },
    };

    [Theory]
    [MemberData(nameof(ParseErrors))]
    public async Task A_parse_error_exits_with_code_2_and_prints_the_error_and_a_usage_hint(string[] arguments, string named)
    {
        var exitCode = await Program.InvokeAsync(arguments, new FixedTimeProvider(History.Start), _output, _errors);

        Assert.Equal(2, exitCode);
        Assert.Contains(named, _errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("--help", _errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task A_missing_out_file_exits_with_code_2()
    {
        var exitCode = await RunAsync(History.Start.AddDays(1), ["download", "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--out", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Download_from_kraken_writes_the_file_and_prints_a_summary()
    {
        var rows = History.Minutes(31);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        var path = Path.Combine(_directory, "btc.csv");

        var exitCode = await RunAsync(
            History.Start.AddMinutes(30).AddSeconds(5),
            ["download", "--venue", "kraken", "--symbol", "btc/usd", "--interval", "1m", "--since", "2024-01-01", "--out", path, "--kraken-url", server.BaseAddress.ToString()]);

        Assert.Equal(0, exitCode);
        Assert.Equal(History.Csv(rows.SkipLast(1)), await File.ReadAllTextAsync(path));
        Assert.Contains($"Wrote 29 candles from 2024-01-01T00:00:00Z to 2024-01-01T00:29:00Z into {path}", _output.ToString(), StringComparison.Ordinal);
        Assert.Contains("pair=XXBTZUSD&interval=1", Assert.Single(server.Requests), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_venue_error_exits_with_code_1_and_keeps_what_was_written()
    {
        var rows = History.Minutes(800);
        await using var server = await FakeHistoryServer.StartAsync(rows);
        server.FailFromRequest = 2;
        var path = Path.Combine(_directory, "btc.csv");

        var exitCode = await RunAsync(
            History.Start.AddDays(1),
            ["download", "--venue", "coinbase", "--symbol", "BTC/USD", "--since", "2024-01-01", "--until", "2024-01-01T13:20:00Z", "--out", path, "--coinbase-url", server.BaseAddress.ToString()]);

        Assert.Equal(1, exitCode);
        Assert.Equal(History.Csv(rows.Where(r => r.Start < History.Start.AddMinutes(350))), await File.ReadAllTextAsync(path));
        Assert.Contains("try later", _errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("keeps the candles up to 2024-01-01T05:49:00Z", _errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_another_header_exits_with_code_2_naming_the_file()
    {
        await using var server = await FakeHistoryServer.StartAsync(History.Minutes(10));
        var path = Path.Combine(_directory, "other.csv");
        await File.WriteAllTextAsync(path, "a,b,c\n1,2,3\n");

        var exitCode = await RunAsync(
            History.Start.AddHours(1),
            ["download", "--venue", "kraken", "--symbol", "BTC/USD", "--since", "2024-01-01", "--out", path, "--kraken-url", server.BaseAddress.ToString()]);

        Assert.Equal(2, exitCode);
        Assert.Contains(path, _errors.ToString(), StringComparison.Ordinal);
        Assert.Equal("a,b,c\n1,2,3\n", await File.ReadAllTextAsync(path));
    }

    public void Dispose()
    {
        _output.Dispose();
        _errors.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<int> RunAsync(DateTimeOffset now, string[] arguments) =>
        Program.InvokeAsync(arguments, new FixedTimeProvider(now), _output, _errors);
}
