using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests.Replay;

public sealed class ReplayFileTests : IDisposable
{
    private const string KrakenTrades = "btcusdt-kraken-trades-20251110.csv";
    private const string CoinbaseMinutes = "btcusd-coinbase-1m-20170903-20170904.csv";

    private readonly string _directory = Directory.CreateTempSubdirectory("replay-file-tests").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(ReplayFileFormat.Auto, "time_utc_iso,price,size,side", ReplayFileFormat.Trades)]
    [InlineData(ReplayFileFormat.Auto, "time_utc_iso,open,high,low,close,volume", ReplayFileFormat.Candles)]
    [InlineData(ReplayFileFormat.Candles, "time_utc_iso,open,high,low,close,volume", ReplayFileFormat.Candles)]
    [InlineData(ReplayFileFormat.Auto, "2017-09-03T00:00:00Z,1,2,1,2,3", ReplayFileFormat.Candles)]
    [InlineData(ReplayFileFormat.Auto, "2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy", ReplayFileFormat.Trades)]
    [InlineData(ReplayFileFormat.Trades, "time,px,qty,side", ReplayFileFormat.Trades)]
    [InlineData(ReplayFileFormat.Auto, null, ReplayFileFormat.Trades)]
    public void Format_comes_from_the_header_or_the_field_count(ReplayFileFormat configured, string? firstLine, ReplayFileFormat expected)
    {
        var format = ReplayFile.ResolveFormat(configured, firstLine, out var error);

        Assert.Equal(expected, format);
        Assert.Null(error);
    }

    [Theory]
    [InlineData(ReplayFileFormat.Candles, "time_utc_iso,price,size,side", "holds trades")]
    [InlineData(ReplayFileFormat.Trades, "2017-09-03T00:00:00Z,1,2,1,2,3", "holds candles")]
    [InlineData(ReplayFileFormat.Auto, "time,px,qty,side", "neither")]
    [InlineData(ReplayFileFormat.Auto, "a,b,c", "3 fields")]
    public void Format_that_contradicts_the_file_or_cannot_be_told_is_refused(ReplayFileFormat configured, string firstLine, string reason)
    {
        var format = ReplayFile.ResolveFormat(configured, firstLine, out var error);

        Assert.Null(format);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("btcusd-coinbase-1m-20161007-20161009.csv", 60, 4217)]
    [InlineData("btcusd-coinbase-1s-20161007-20161009.csv", 1, 11521)]
    [InlineData("btcusd-perp-ftx-5m-20211231-20220104.csv", 300, 1000)]
    public async Task Detects_the_bar_length_of_a_candle_file_even_with_missing_bars(string name, int seconds, int lines)
    {
        var file = await ReplayFile.InspectAsync(new ReplayOptions { File = MarketFiles.PathOf(name) }, CancellationToken.None);

        Assert.Equal(ReplayFileFormat.Candles, file.Format);
        Assert.Equal(TimeSpan.FromSeconds(seconds), file.CandleInterval);
        Assert.Equal(lines, file.TotalLines);
    }

    [Fact]
    public async Task Whole_trade_file_is_the_section_and_a_loop_moves_it_past_its_last_minute()
    {
        var file = await ReplayFile.InspectAsync(new ReplayOptions { File = MarketFiles.PathOf(KrakenTrades) }, CancellationToken.None);

        Assert.Equal(ReplayFileFormat.Trades, file.Format);
        Assert.Null(file.StartFrom);
        Assert.Equal(DateTimeOffset.Parse("2025-11-10T17:23:53.971Z"), file.SectionStart);
        Assert.Equal(DateTimeOffset.Parse("2025-11-11T00:13:55.982Z"), file.SectionEnd);
        Assert.Equal(TimeSpan.FromMinutes((6 * 60) + 50 + 1), file.LoopShift);
    }

    [Fact]
    public async Task Start_offset_skips_to_the_first_trade_at_or_after_the_first_row_plus_the_offset()
    {
        var path = MarketFiles.PathOf(KrakenTrades);
        var options = new ReplayOptions { File = path, StartOffset = TimeSpan.FromHours(1) };
        var threshold = DateTimeOffset.Parse("2025-11-10T18:23:53.971Z");
        var expectedFirst = File.ReadLines(path).Skip(1).Select(l => DateTimeOffset.Parse(l.Split(',')[0])).First(t => t >= threshold);

        var file = await ReplayFile.InspectAsync(options, CancellationToken.None);
        var trades = await TradesAsync(file, 1, 0);

        Assert.Equal(threshold, file.StartFrom);
        Assert.Equal(expectedFirst, file.SectionStart);
        Assert.Equal(expectedFirst, trades[0].Time);
        Assert.Equal(File.ReadLines(path).Skip(1).Count(l => DateTimeOffset.Parse(l.Split(',')[0]) >= threshold), trades.Count);
    }

    [Fact]
    public async Task Start_time_in_the_middle_of_a_bar_starts_with_the_next_whole_bar()
    {
        var options = new ReplayOptions { File = MarketFiles.PathOf(CoinbaseMinutes), StartAt = DateTimeOffset.Parse("2017-09-04T12:00:30Z") };

        var file = await ReplayFile.InspectAsync(options, CancellationToken.None);
        var trades = await TradesAsync(file, 1, 0);

        Assert.Equal(DateTimeOffset.Parse("2017-09-04T12:01:00Z"), file.SectionStart);
        Assert.Equal(DateTimeOffset.Parse("2017-09-04T12:01:00Z"), trades[0].Time);
        Assert.Equal(2 + (36 * 60) + 1, trades[0].LineNumber);
    }

    [Fact]
    public async Task Candle_loop_follows_the_last_bar_without_an_empty_bar_between_loops()
    {
        var file = await ReplayFile.InspectAsync(new ReplayOptions { File = MarketFiles.PathOf(CoinbaseMinutes), Loop = true }, CancellationToken.None);

        Assert.Equal(TimeSpan.FromDays(2), file.LoopShift);
    }

    [Fact]
    public async Task A_start_after_the_last_row_is_refused_naming_the_key()
    {
        var offset = new ReplayOptions { File = MarketFiles.PathOf(KrakenTrades), StartOffset = TimeSpan.FromDays(1) };
        var startAt = new ReplayOptions { File = MarketFiles.PathOf(KrakenTrades), StartAt = DateTimeOffset.Parse("2030-01-01T00:00:00Z") };

        var offsetError = await Assert.ThrowsAsync<InvalidOperationException>(() => ReplayFile.InspectAsync(offset, CancellationToken.None));
        var startAtError = await Assert.ThrowsAsync<InvalidOperationException>(() => ReplayFile.InspectAsync(startAt, CancellationToken.None));

        Assert.Contains("'Replay:StartOffset'", offsetError.Message, StringComparison.Ordinal);
        Assert.Contains("'Replay:StartAt'", startAtError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Looping_a_file_without_any_trade_is_refused_naming_the_key()
    {
        var path = Write("""
            time_utc_iso,open,high,low,close,volume
            2017-09-03T00:00:00Z,1,1,1,1,0
            2017-09-03T00:01:00Z,1,1,1,1,0
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReplayFile.InspectAsync(new ReplayOptions { File = path, Loop = true }, CancellationToken.None));

        Assert.Contains("'Replay:Loop'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_single_bar_needs_the_configured_candle_interval()
    {
        var path = Write("""
            time_utc_iso,open,high,low,close,volume
            2017-09-03T00:05:00Z,1,2,1,2,3
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ReplayFile.InspectAsync(new ReplayOptions { File = path }, CancellationToken.None));
        var file = await ReplayFile.InspectAsync(new ReplayOptions { File = path, CandleInterval = TimeSpan.FromMinutes(5) }, CancellationToken.None);

        Assert.Contains("'Replay:CandleInterval'", error.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromMinutes(5), file.CandleInterval);
        Assert.Equal(TimeSpan.FromMinutes(5), file.LoopShift);
    }

    [Fact]
    public async Task Reading_resumes_at_the_given_trade_of_a_candle_line()
    {
        var path = Write("""
            time_utc_iso,open,high,low,close,volume
            2017-09-03T00:00:00Z,100,103,99,102,4
            2017-09-03T00:01:00Z,102,104,101,103,4
            not,a,bar
            """);
        var file = await ReplayFile.InspectAsync(new ReplayOptions { File = path }, CancellationToken.None);

        var lines = new List<ReplayLine>();
        await foreach (var line in file.ReadAsync(2, 2, CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal([(2, 2), (2, 3), (3, 0), (3, 1), (3, 2), (3, 3)], lines.SelectMany(l => l.Trades).Select(t => (t.LineNumber, t.Point)));
        Assert.Equal(4, lines[^1].LineNumber);
        Assert.Contains("expected 6 fields", lines[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Trade_ids_are_the_line_or_line_and_point_and_carry_the_loop_from_the_second_loop_on()
    {
        var trades = await ReplayFile.InspectAsync(new ReplayOptions { File = MarketFiles.PathOf(KrakenTrades) }, CancellationToken.None);
        var candles = await ReplayFile.InspectAsync(new ReplayOptions { File = MarketFiles.PathOf(CoinbaseMinutes) }, CancellationToken.None);
        var trade = new RecordedTrade(12, DateTimeOffset.UnixEpoch, 1m, 1m, Contracts.MarketData.TradeSide.Buy, Point: 3);

        Assert.Equal(
            ["12", "2/12", "12.3", "2/12.3"],
            [trades.TradeId(trade, 0), trades.TradeId(trade, 2), candles.TradeId(trade, 0), candles.TradeId(trade, 2)]);
    }

    [Theory]
    [InlineData("2025-11-10T17:23:53.971Z", "2025-11-11T00:13:55.982Z", 60, 411)]
    [InlineData("2024-01-01T00:00:50Z", "2024-01-01T00:10:20Z", 60, 11)]
    [InlineData("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z", 60, 1)]
    [InlineData("2021-12-31T23:05:00Z", "2022-01-04T10:15:00Z", 300, 4995)]
    public void Loop_shift_is_whole_units_past_the_bucket_of_the_last_row(string first, string last, int unitSeconds, int expectedMinutes)
    {
        var shift = ReplayFile.LoopShiftFor(DateTimeOffset.Parse(first), DateTimeOffset.Parse(last), TimeSpan.FromSeconds(unitSeconds));

        Assert.Equal(TimeSpan.FromMinutes(expectedMinutes), shift);
        Assert.True(DateTimeOffset.Parse(first) + shift > DateTimeOffset.Parse(last));
    }

    private static async Task<List<RecordedTrade>> TradesAsync(ReplayFile file, int line, int point)
    {
        var trades = new List<RecordedTrade>();
        await foreach (var replayLine in file.ReadAsync(line, point, CancellationToken.None))
        {
            trades.AddRange(replayLine.Trades);
        }

        return trades;
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(path, text);
        return path;
    }
}
