using Trading.Contracts.MarketData;
using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests;

public sealed class TradeFileReaderTests
{
    [Fact]
    public void Parses_a_good_line_with_invariant_decimals_as_utc()
    {
        var line = TradeFileReader.ParseLine("2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy", 2);

        Assert.Null(line.Error);
        Assert.Equal(new RecordedTrade(2, new DateTimeOffset(2025, 11, 10, 17, 23, 53, 971, TimeSpan.Zero), 105433.6m, 0.00027625m, TradeSide.Buy), line.Trade);
        Assert.Equal(TimeSpan.Zero, line.Trade!.Time.Offset);
    }

    [Fact]
    public void Parses_sell_side_long_decimals_and_exponents()
    {
        var line = TradeFileReader.ParseLine("2021-01-08T00:00:00.368Z,39439.22,3.11e-4,sell", 7);

        Assert.Equal(TradeSide.Sell, line.Trade!.Side);
        Assert.Equal(0.000311m, line.Trade.Size);
        Assert.Equal(0.00031099999999999997m, TradeFileReader.ParseLine("2021-01-08T00:00:00.368Z,39439.22,0.00031099999999999997,buy", 8).Trade!.Size);
    }

    [Fact]
    public void Takes_a_time_without_offset_as_utc()
    {
        var line = TradeFileReader.ParseLine("2019-10-11T00:00:11.620,0.00141342,23,sell", 2);

        Assert.Equal(new DateTimeOffset(2019, 10, 11, 0, 0, 11, 620, TimeSpan.Zero), line.Trade!.Time);
    }

    [Theory]
    [InlineData("2025-11-10T17:23:53.971Z,105433.6,0.00027625", "expected 4 fields")]
    [InlineData("2025-11-10T17:23:53.971Z,105433,6,0.00027625,buy", "expected 4 fields")]
    [InlineData("yesterday,105433.6,0.00027625,buy", "time")]
    [InlineData("2025-11-10T17:23:53.971Z,abc,0.00027625,buy", "price")]
    [InlineData("2025-11-10T17:23:53.971Z,0,0.00027625,buy", "price")]
    [InlineData("2025-11-10T17:23:53.971Z,-5,0.00027625,buy", "price")]
    [InlineData("2025-11-10T17:23:53.971Z,105433.6,,buy", "size")]
    [InlineData("2025-11-10T17:23:53.971Z,105433.6,-0.1,buy", "size")]
    [InlineData("2025-11-10T17:23:53.971Z,105433.6,0.00027625,hold", "side")]
    public void Reports_a_malformed_line_with_the_reason(string text, string reason)
    {
        var line = TradeFileReader.ParseLine(text, 42);

        Assert.Null(line.Trade);
        Assert.Equal(42, line.LineNumber);
        Assert.Contains(reason, line.Error);
        Assert.Equal(text, line.Sample);
    }

    [Fact]
    public void Cuts_the_sample_of_a_long_malformed_line()
    {
        var text = new string('x', 500);

        var line = TradeFileReader.ParseLine(text, 3);

        Assert.Equal(TradeFileLine.SampleLength + 1, line.Sample!.Length);
        Assert.StartsWith("xxxx", line.Sample);
    }

    [Fact]
    public async Task Skips_the_header_and_blank_lines_and_numbers_physical_lines()
    {
        var file = """
            time_utc_iso,price,size,side
            2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy

            not a trade
            2025-11-10T17:24:17.846Z,105410.1,0.00005,s

            """;

        var lines = await ReadAllAsync(file, firstLine: 1);

        Assert.Equal([2, 4, 5], lines.Select(l => l.LineNumber));
        Assert.NotNull(lines[0].Trade);
        Assert.NotNull(lines[1].Error);
        Assert.Equal(TradeSide.Sell, lines[2].Trade!.Side);
    }

    [Fact]
    public async Task Resumes_from_the_given_line()
    {
        var file = """
            time_utc_iso,price,size,side
            2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy
            2025-11-10T17:24:17.846Z,105410.1,0.00005,buy
            2025-11-10T17:24:33.937Z,105383.8,0.0001246,buy
            """;

        var lines = await ReadAllAsync(file, firstLine: 3);

        Assert.Equal([3, 4], lines.Select(l => l.Trade!.LineNumber));
    }

    [Fact]
    public async Task Reads_a_file_without_header_from_line_one()
    {
        var lines = await ReadAllAsync("2025-11-10T17:23:53.971Z,105433.6,0.00027625,buy", firstLine: 1);

        Assert.Equal(1, Assert.Single(lines).Trade!.LineNumber);
    }

    private static async Task<List<TradeFileLine>> ReadAllAsync(string text, int firstLine)
    {
        var lines = new List<TradeFileLine>();
        await foreach (var line in new TradeFileReader(new StringReader(text)).ReadAsync(firstLine, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}
