using System.Globalization;
using System.Text.Json;
using Trading.Cli.PublishBacktest;
using Trading.FakeVenues;

namespace Trading.Cli.Tests.PublishBacktest;

/// <summary>What <c>trading backtest</c> writes into report.json is what <c>trading publish-backtest</c> publishes.</summary>
public sealed class BacktestReportRoundTripTests : IDisposable
{
    private static readonly string FtxMinutes = SharedFixtures.PathOf(Path.Combine("..", "data", "market", "btcusd-perp-ftx-1m-20211231-20220114.csv"));

    private readonly string _directory = Directory.CreateTempSubdirectory("backtest-round-trip-").FullName;

    [Fact]
    public async Task The_records_carry_the_average_r_of_wins_and_losses_recomputed_from_trades_csv()
    {
        var exitCode = await Program.InvokeAsync(
            ["backtest", "--candles", FtxMinutes, "--interval", "5m", "--out", _directory], TimeProvider.System, new StringWriter(), new StringWriter());

        var records = BacktestReportReader.Read(File.ReadAllText(Path.Combine(_directory, "report.json")), DateTimeOffset.UnixEpoch);

        Assert.Equal(0, exitCode);
        var lines = File.ReadAllLines(Path.Combine(_directory, "trades.csv"));
        var column = lines[0].Split(',').Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        var trades = lines.Skip(1).Select(line => line.Split(',')).ToList();
        Assert.Contains(records, record => record.Wins > 0 && record.Trades > record.Wins);
        foreach (var record in records)
        {
            var own = trades.Where(t => t[column["strategy"]] == record.Strategy).ToList();
            var wins = own.Where(t => Decimal(t[column["pnl"]]) > 0).Select(t => Decimal(t[column["r_multiple"]])).ToList();
            var losses = own.Where(t => Decimal(t[column["pnl"]]) <= 0).Select(t => Math.Abs(Decimal(t[column["r_multiple"]]))).ToList();

            Assert.Equal(record.Trades, own.Count);
            Assert.Equal(wins.Count == 0 ? 0m : wins.Sum() / wins.Count, record.AverageWinR);
            Assert.Equal(losses.Count == 0 ? 0m : losses.Sum() / losses.Count, record.AverageLossR);
        }
    }

    [Fact]
    public async Task Report_json_names_the_average_r_figures_as_publish_backtest_reads_them()
    {
        await Program.InvokeAsync(
            ["backtest", "--candles", FtxMinutes, "--interval", "15m", "--out", _directory], TimeProvider.System, new StringWriter(), new StringWriter());

        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "report.json")));
        var records = BacktestReportReader.Read(report.RootElement.GetRawText(), DateTimeOffset.UnixEpoch);

        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(
            results.Select(r => ((decimal?)r.GetProperty("avg_win_r").GetDecimal(), (decimal?)r.GetProperty("avg_loss_r").GetDecimal())),
            records.Select(r => (r.AverageWinR, r.AverageLossR)));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
