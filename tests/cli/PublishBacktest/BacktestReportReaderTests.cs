using System.Text.Json.Nodes;
using Trading.Cli.PublishBacktest;
using Trading.Contracts.Signals;

namespace Trading.Cli.Tests.PublishBacktest;

public sealed class BacktestReportReaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 10, 17, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Reads_each_result_into_a_backtest_record()
    {
        var report = BacktestReports.Report(BacktestReports.Result(), BacktestReports.Result(interval: "1h", passed: false));

        var records = BacktestReportReader.Read(report, Now);

        Assert.Equal(2, records.Count);
        Assert.Equal(
            new BacktestRecorded
            {
                Strategy = "ema-cross",
                Symbol = "BTC/USD",
                Interval = "15m",
                DataStartAt = new DateTimeOffset(2021, 12, 31, 0, 0, 0, TimeSpan.Zero),
                DataEndAt = new DateTimeOffset(2022, 1, 14, 0, 0, 0, TimeSpan.Zero),
                Parameters = """{"fast_period":9,"slow_period":21,"stop_atr_multiple":1.5}""",
                Trades = 87,
                Wins = 34,
                WinRate = 0.3908m,
                ProfitFactor = 1.42m,
                ExpectancyR = 0.21m,
                AverageWinR = 2.0957m,
                AverageLossR = 1m,
                NetPnl = 1234.56m,
                MaxDrawdownPct = 6.25m,
                BreakevenWinRate = 0.2857m,
                Passed = true,
                GateReasons = records[0].GateReasons,
                RecordedAt = Now,
            },
            records[0]);
        Assert.Empty(records[0].GateReasons);
        Assert.Equal(("1h", false, null), (records[1].Interval, records[1].Passed, records[1].ProfitFactor));
        Assert.Equal(["profit factor is undefined", "fewer than 100 trades"], records[1].GateReasons);
    }

    [Fact]
    public void Reads_numbers_the_backtester_writes_as_doubles_in_exponent_notation()
    {
        var result = BacktestReports.Result();
        result["expectancy_r"] = JsonNode.Parse("1.5E-05");
        result["win_rate"] = JsonNode.Parse("0.39080459770114945");

        var record = Assert.Single(BacktestReportReader.Read(BacktestReports.Report(result), Now));

        Assert.Equal((0.000015m, 0.39080459770114945m), (record.ExpectancyR, record.WinRate));
    }

    [Fact]
    public void Reads_a_report_written_before_the_average_r_figures_were_measured_as_null()
    {
        var old = BacktestReports.Result();
        old.Remove("avg_win_r");
        old.Remove("avg_loss_r");
        var nulls = BacktestReports.Result();
        nulls["avg_win_r"] = null;
        nulls["avg_loss_r"] = null;

        var records = BacktestReportReader.Read(BacktestReports.Report(old, nulls), Now);

        Assert.All(records, record => Assert.Equal((null, null), (record.AverageWinR, record.AverageLossR)));
    }

    [Theory]
    [InlineData("strategy", null, "results[0].strategy must be a non-empty string, not null")]
    [InlineData("avg_win_r", "2.1", "results[0].avg_win_r must be a number, not the string \"2.1\"")]
    [InlineData("avg_loss_r", true, "results[0].avg_loss_r must be a number, not a boolean")]
    [InlineData("strategy", "", "results[0].strategy must be a non-empty string")]
    [InlineData("interval", "15M", "results[0].interval '15M' is not an interval code")]
    [InlineData("from", "yesterday", "results[0].from must be an ISO-8601 UTC time")]
    [InlineData("to", "2021-12-30T00:00:00Z", "results[0].to (2021-12-30T00:00:00.0000000+00:00) must be after results[0].from")]
    [InlineData("trades", "87", "results[0].trades must be a whole number of at least 0, not the string \"87\"")]
    [InlineData("wins", 88, "results[0].wins (88) cannot exceed results[0].trades (87)")]
    [InlineData("win_rate", null, "results[0].win_rate must be a number, not null")]
    [InlineData("profit_factor", "inf", "results[0].profit_factor must be a number")]
    [InlineData("passed_live_gate", "yes", "results[0].passed_live_gate must be true or false")]
    [InlineData("parameters", "fast=9", "results[0].parameters must be a JSON object")]
    [InlineData("gate_reasons", "none", "results[0].gate_reasons must be an array of strings")]
    public void Names_the_malformed_field(string field, object? value, string message)
    {
        var result = BacktestReports.Result();
        result[field] = JsonValue.Create(value);

        var error = Assert.Throws<BacktestReportException>(() => BacktestReportReader.Read(BacktestReports.Report(result), Now));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expectancy_r")]
    [InlineData("net_pnl")]
    [InlineData("max_drawdown_pct")]
    [InlineData("breakeven_win_rate")]
    [InlineData("profit_factor")]
    [InlineData("symbol")]
    public void Names_a_missing_field_with_the_index_of_its_result(string field)
    {
        var broken = BacktestReports.Result();
        broken.Remove(field);

        var error = Assert.Throws<BacktestReportException>(() => BacktestReportReader.Read(BacktestReports.Report(BacktestReports.Result(), broken), Now));

        Assert.Equal($"results[1].{field} is missing.", error.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "The report must be a JSON object with 'results', not an array.")]
    [InlineData("""{"result": []}""", "'results' is missing or not an array.")]
    [InlineData("""{"results": []}""", "'results' is empty: there is nothing to publish.")]
    [InlineData("""{"results": [42]}""", "results[0] must be an object, not the number 42.")]
    public void Names_what_is_wrong_with_the_report_as_a_whole(string report, string message)
    {
        var error = Assert.Throws<BacktestReportException>(() => BacktestReportReader.Read(report, Now));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Refuses_text_that_is_not_json()
    {
        var error = Assert.Throws<BacktestReportException>(() => BacktestReportReader.Read("{\"results\": [", Now));

        Assert.StartsWith("The report is not JSON:", error.Message, StringComparison.Ordinal);
    }
}
