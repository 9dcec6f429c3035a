using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Trading.Cli.Backtest;
using Trading.FakeVenues;
using Trading.Markets.Backtesting;
using Trading.Markets.Strategies;
using Trading.Markets.Tests.Backtesting;
using Xunit.Abstractions;

namespace Trading.Cli.Tests.Backtest;

public sealed class BacktestCommandTests(ITestOutputHelper log) : IDisposable
{
    private static readonly string FtxMinutes = SharedData("btcusd-perp-ftx-1m-20211231-20220114.csv");

    private static readonly string[] RequiredResultFields =
    [
        "strategy", "symbol", "interval", "trades", "wins", "win_rate", "avg_win", "avg_loss", "profit_factor", "expectancy_r",
        "net_pnl", "max_drawdown_pct", "sharpe", "sortino", "exposure_pct", "longest_losing_streak", "breakeven_win_rate",
        "passed_live_gate", "gate_reasons", "from", "to", "parameters", "min_risk_reward",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("backtest-command-").FullName;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();

    [Fact]
    public async Task Runs_every_strategy_on_1m_5m_15m_and_30m_and_writes_the_three_files()
    {
        var stopwatch = Stopwatch.StartNew();
        var exitCodes = new List<int>();
        foreach (var interval in new[] { "1m", "5m", "15m", "30m" })
        {
            exitCodes.Add(await RunAsync("backtest", "--candles", FtxMinutes, "--interval", interval, "--out", Path.Combine(_directory, interval)));
        }

        log.WriteLine($"Four backtests of {StrategyCatalog.Names.Count} strategies took {stopwatch.Elapsed.TotalSeconds:0.0} s.");
        Assert.All(exitCodes, code => Assert.Equal(0, code));
        foreach (var interval in new[] { "1m", "5m", "15m", "30m" })
        {
            var folder = Path.Combine(_directory, interval);
            var report = ReadReport(folder);
            var results = report.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(interval, report.GetProperty("interval").GetString());
            Assert.Equal(["btcusd-perp-ftx-1m-20211231-20220114.csv"], report.GetProperty("inputs").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(10_000m, report.GetProperty("equity").GetDecimal());
            Assert.Equal("2022-01-15T00:00:00Z", report.GetProperty("to").GetString());
            Assert.Equal(StrategyCatalog.Names, results.Select(r => r.GetProperty("strategy").GetString()));
            Assert.All(results, result => Assert.All(RequiredResultFields, field => Assert.True(result.TryGetProperty(field, out _), $"{field} missing")));
            Assert.All(results, result => Assert.Equal("BTCUSD-PERP-FTX", result.GetProperty("symbol").GetString()));
            Assert.Equal(
                RiskRewardMinimumsFor(interval),
                results[0].GetProperty("min_risk_reward").GetDecimal());
            Assert.StartsWith(TradesCsvWriter.Header, File.ReadLines(Path.Combine(folder, "trades.csv")).First(), StringComparison.Ordinal);
            var html = File.ReadAllText(Path.Combine(folder, "report.html"));
            Assert.Equal(2 * results.Count, html.Split("<svg").Length - 1);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var emaCross = ReadReport(Path.Combine(_directory, "5m")).GetProperty("results").EnumerateArray().Single(r => r.GetProperty("strategy").GetString() == "ema-cross");
        Assert.Equal(9, emaCross.GetProperty("parameters").GetProperty("fast_period").GetInt32());
        Assert.Contains("Wrote ", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_figures_are_those_recomputed_from_trades_csv()
    {
        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "5m", "--out", _directory, "--equity", "25000");

        Assert.Equal(0, exitCode);
        var report = ReadReport(_directory);
        var equity = report.GetProperty("equity").GetDecimal();
        var lines = File.ReadAllLines(Path.Combine(_directory, "trades.csv"));
        var header = lines[0].Split(',').Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        var trades = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.NotEmpty(trades);
        foreach (var result in report.GetProperty("results").EnumerateArray())
        {
            var pnls = trades
                .Where(t => t[header["strategy"]] == result.GetProperty("strategy").GetString() && t[header["symbol"]] == result.GetProperty("symbol").GetString())
                .Select(t => decimal.Parse(t[header["pnl"]], NumberStyles.Float, CultureInfo.InvariantCulture))
                .ToList();
            var wins = pnls.Count(p => p > 0);
            var grossProfit = pnls.Where(p => p > 0).Sum();
            var grossLoss = pnls.Where(p => p <= 0).Sum();
            var (peak, running, drawdown) = (equity, equity, 0.0);
            foreach (var pnl in pnls)
            {
                running += pnl;
                peak = Math.Max(peak, running);
                drawdown = Math.Max(drawdown, (double)((peak - running) / peak) * 100);
            }

            Assert.Equal(pnls.Count, result.GetProperty("trades").GetInt32());
            Assert.Equal(pnls.Count == 0 ? 0 : (double)wins / pnls.Count, result.GetProperty("win_rate").GetDouble());
            Assert.Equal(pnls.Sum(), result.GetProperty("net_pnl").GetDecimal());
            Assert.Equal(drawdown, result.GetProperty("max_drawdown_pct").GetDouble(), 12);
            var profitFactor = result.GetProperty("profit_factor");
            if (grossLoss == 0)
            {
                Assert.Equal(JsonValueKind.Null, profitFactor.ValueKind);
            }
            else
            {
                Assert.Equal(grossProfit / -grossLoss, profitFactor.GetDecimal());
            }
        }
    }

    [Fact]
    public async Task Publish_backtest_reads_every_result_of_the_report()
    {
        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "15m", "--out", _directory);

        var records = Trading.Cli.PublishBacktest.BacktestReportReader.Read(File.ReadAllText(Path.Combine(_directory, "report.json")), DateTimeOffset.UnixEpoch);

        Assert.Equal(0, exitCode);
        Assert.Equal(StrategyCatalog.Names.Count, records.Count);
    }

    [Fact]
    public async Task Catches_a_planted_lookahead_strategy_through_the_command()
    {
        var peeking = new BacktestStrategy("peeking", candles => new PeekingStrategy(candles), null);
        var root = new RootCommand { BacktestCommand.Create(_output, _errors, [peeking]) };

        var exitCode = await root.Parse(["backtest", "--candles", FtxMinutes, "--interval", "30m", "--strategies", "peeking,ema-cross", "--check-lookahead"])
            .InvokeAsync();

        var output = _output.ToString();
        Assert.Equal(1, exitCode);
        Assert.Contains("Lookahead bias:", output, StringComparison.Ordinal);
        Assert.Matches(@"peeking BTCUSD-PERP-FTX 30m at 2022-01-\d\dT\d\d:\d\d:00Z: the long signal .* is not given on data ending at its candle", output);
        Assert.DoesNotContain("\nema-cross ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shipped_strategies_pass_the_lookahead_check_on_real_data()
    {
        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "15m", "--check-lookahead");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"No lookahead: [1-9]\d* signals of " + string.Join(", ", StrategyCatalog.Names), _output.ToString());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    [Fact]
    public async Task Writes_walk_forward_windows_with_in_and_out_of_sample_results()
    {
        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "15m", "--strategies", "ema-cross", "--walk-forward", "3d:1d", "--out", _directory);

        Assert.Equal(0, exitCode);
        var windows = ReadReport(_directory).GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(11, windows.Count);
        Assert.Equal("2021-12-31T23:15:00Z", windows[0].GetProperty("in_sample_from").GetString());
        Assert.Equal("2022-01-03T23:15:00Z", windows[0].GetProperty("out_of_sample_from").GetString());
        Assert.Equal("2022-01-14T23:15:00Z", windows[^1].GetProperty("out_of_sample_to").GetString());
        var first = Assert.Single(windows[0].GetProperty("results").EnumerateArray());
        Assert.Equal("2022-01-03T23:15:00Z", first.GetProperty("out_of_sample").GetProperty("from").GetString());
        Assert.Equal("2022-01-04T23:15:00Z", first.GetProperty("out_of_sample").GetProperty("to").GetString());
        Assert.Equal("2021-12-31T23:15:00Z", first.GetProperty("in_sample").GetProperty("from").GetString());
    }

    [Fact]
    public async Task A_malformed_line_exits_with_1_naming_the_file_and_line_and_writes_nothing()
    {
        var lines = File.ReadLines(FtxMinutes).Take(40).ToList();
        lines[17] = "2021-12-31T23:17:00Z,46300,oops,46200,46250,10";
        var input = Path.Combine(_directory, "bad-1m.csv");
        File.WriteAllLines(input, lines);
        var outDirectory = Path.Combine(_directory, "out");

        var exitCode = await RunAsync("backtest", "--candles", input, "--interval", "5m", "--out", outDirectory);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{input} line 18: high 'oops' is not a number.", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public async Task An_unknown_strategy_exits_with_2_listing_the_names_and_writes_nothing()
    {
        var outDirectory = Path.Combine(_directory, "out");

        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "5m", "--strategies", "ema-cross,nope", "--out", outDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains($"Unknown strategy 'nope' in --strategies; the strategies are {string.Join(", ", StrategyCatalog.Names)}.", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public async Task Candles_that_do_not_divide_the_interval_exit_with_2()
    {
        var outDirectory = Path.Combine(_directory, "out");

        var exitCode = await RunAsync("backtest", "--candles", SharedData("btcusd-perp-ftx-5m-20211231-20220104.csv"), "--interval", "2m", "--out", outDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains("holds 5m candles, which do not divide the 2m interval", _errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Theory]
    [InlineData("btcusd-perp-ftx-1m-20211231-20220114.csv", "BTCUSD-PERP-FTX")]
    [InlineData("ethusd-coinbase-1s-20161007-20161009.csv", "ETHUSD-COINBASE")]
    [InlineData("candles.csv", "CANDLES")]
    public void Names_the_symbol_after_the_file(string file, string symbol)
    {
        Assert.Equal(symbol, BacktestInput.SymbolOf(Path.Combine("data", file)));
    }

    [Fact]
    public async Task Symbol_names_each_file_as_the_live_feed_does_so_its_records_gate_that_market()
    {
        var exitCode = await RunAsync(
            "backtest", "--candles", FtxMinutes, "--symbol", "btc/usd", "--interval", "30m", "--strategies", "ema-cross", "--out", _directory);

        Assert.Equal(0, exitCode);
        var result = Assert.Single(ReadReport(_directory).GetProperty("results").EnumerateArray());
        Assert.Equal("BTC/USD", result.GetProperty("symbol").GetString());
        Assert.All(File.ReadLines(Path.Combine(_directory, "trades.csv")).Skip(1), line => Assert.Equal("BTC/USD", line.Split(',')[1]));
    }

    [Fact]
    public async Task Parameters_file_runs_the_strategies_with_the_services_parameters_and_the_report_records_them()
    {
        var parameters = Path.Combine(_directory, "parameters.json");
        File.WriteAllText(parameters, """{ "EmaCross": { "FastPeriod": 12, "SlowPeriod": 26 } }""");
        var outDirectory = Path.Combine(_directory, "out");

        var exitCode = await RunAsync(
            "backtest", "--candles", FtxMinutes, "--interval", "30m", "--strategies", "ema-cross", "--parameters", parameters, "--out", outDirectory);

        Assert.Equal(0, exitCode);
        var recorded = Assert.Single(ReadReport(outDirectory).GetProperty("results").EnumerateArray()).GetProperty("parameters");
        Assert.Equal((12, 26, 14), (recorded.GetProperty("fast_period").GetInt32(), recorded.GetProperty("slow_period").GetInt32(), recorded.GetProperty("atr_period").GetInt32()));
    }

    [Theory]
    [InlineData("""{ "EmaCross": { "FastPeriods": 12 } }""", "FastPeriods")]
    [InlineData("""{ "EmaCross": { "FastPeriod": 30 } }""", "ema-cross refuses its parameters")]
    public async Task A_parameters_file_the_strategies_refuse_exits_2_naming_the_problem(string json, string said)
    {
        var parameters = Path.Combine(_directory, "parameters.json");
        File.WriteAllText(parameters, json);
        var outDirectory = Path.Combine(_directory, "out");

        var exitCode = await RunAsync("backtest", "--candles", FtxMinutes, "--interval", "30m", "--parameters", parameters, "--out", outDirectory);

        Assert.Equal(2, exitCode);
        Assert.Contains(said, _errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDirectory));
    }

    [Fact]
    public async Task A_symbol_count_that_differs_from_the_files_exits_2_and_writes_nothing()
    {
        var exitCode = await RunAsync(
            "backtest", "--candles", FtxMinutes, "--symbol", "BTC/USD", "--symbol", "ETH/USD", "--interval", "30m", "--out", _directory);

        Assert.Equal(2, exitCode);
        Assert.Contains("2 --symbol for 1 --candles", _errors.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    public void Dispose()
    {
        Directory.Delete(_directory, recursive: true);
    }

    private static decimal RiskRewardMinimumsFor(string interval) =>
        new RiskRewardMinimums().For(Trading.Markets.Interval.Parse(interval));

    private static JsonElement ReadReport(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "report.json"))).RootElement;

    private static string SharedData(string file) => SharedFixtures.PathOf(Path.Combine("..", "data", "market", file));

    private Task<int> RunAsync(params string[] arguments) => Program.InvokeAsync(arguments, TimeProvider.System, _output, _errors);
}
