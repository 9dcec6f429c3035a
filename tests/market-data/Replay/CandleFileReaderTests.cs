using Trading.MarketData.Replay;

namespace Trading.MarketData.Tests.Replay;

public sealed class CandleFileReaderTests
{
    [Fact]
    public void Parses_a_bar_with_invariant_decimals_and_its_start_time_as_utc()
    {
        var line = CandleFileReader.ParseLine("2021-12-31T23:05:00Z,46420,46437,46372,46415,6019677.6121", 2);

        Assert.Equal(
            new RecordedCandle(2, new DateTimeOffset(2021, 12, 31, 23, 5, 0, TimeSpan.Zero), 46420m, 46437m, 46372m, 46415m, 6019677.6121m),
            line.Candle);
        Assert.Null(line.Error);
    }

    [Theory]
    [InlineData("2017-09-03T00:00:00Z,1,2,1,2", "expected 6 fields")]
    [InlineData("yesterday,1,2,1,2,3", "ISO-8601")]
    [InlineData("2017-09-03T00:00:00Z,1,2,x,2,3", "positive numbers")]
    [InlineData("2017-09-03T00:00:00Z,0,2,1,2,3", "positive numbers")]
    [InlineData("2017-09-03T00:00:00Z,1,2,1.5,2,3", "low must not exceed")]
    [InlineData("2017-09-03T00:00:00Z,1,2,1,2.5,3", "low must not exceed")]
    [InlineData("2017-09-03T00:00:00Z,1,2,1,2,-3", "volume")]
    public void Reports_a_malformed_line_with_the_reason(string text, string reason)
    {
        var line = CandleFileReader.ParseLine(text, 5);

        Assert.Null(line.Candle);
        Assert.Contains(reason, line.Error, StringComparison.Ordinal);
        Assert.Equal(text, line.Sample);
    }

    [Fact]
    public void Accepts_a_bar_without_volume()
    {
        var line = CandleFileReader.ParseLine("2017-09-03T00:00:00Z,1,1,1,1,0", 2);

        Assert.Equal(0m, line.Candle!.Volume);
    }

    [Fact]
    public async Task Skips_the_header_and_blank_lines_numbering_physical_lines_from_the_given_line()
    {
        var text = """
            time_utc_iso,open,high,low,close,volume
            2017-09-03T00:00:00Z,4642.39,4652.71,4642.39,4652.69,6.63487803

            2017-09-03T00:01:00Z,4652.68,4654.99,4645.28,4654.33,1.36132358
            2017-09-03T00:02:00Z,4654.16,4654.99,4647.13,4654.99,9.68145529
            """;

        var all = await ReadAllAsync(text, firstLine: 1);
        var resumed = await ReadAllAsync(text, firstLine: 5);

        Assert.Equal([2, 4, 5], all.Select(l => l.Candle!.LineNumber));
        Assert.Equal([5], resumed.Select(l => l.LineNumber));
    }

    private static async Task<List<CandleFileLine>> ReadAllAsync(string text, int firstLine)
    {
        var lines = new List<CandleFileLine>();
        await foreach (var line in new CandleFileReader(new StringReader(text)).ReadAsync(firstLine, CancellationToken.None))
        {
            lines.Add(line);
        }

        return lines;
    }
}
