using System.Globalization;

namespace Trading.Cli.Tests.Record;

/// <summary>A 1-minute candle as the test computes it from the trades it sent, or as it reads it back from a candle file.</summary>
internal sealed record ExpectedCandle(DateTimeOffset Start, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>The test's own aggregation: trades grouped by the minute of their time, in the order sent.</summary>
    public static IReadOnlyList<ExpectedCandle> Aggregate(IEnumerable<SentTrade> trades) =>
        [.. trades
            .GroupBy(t => RecordedMarketData.MinuteOf(t.Time))
            .OrderBy(g => g.Key)
            .Select(g => new ExpectedCandle(
                g.Key,
                g.First().PriceValue,
                g.Max(t => t.PriceValue),
                g.Min(t => t.PriceValue),
                g.Last().PriceValue,
                g.Sum(t => t.SizeValue)))];

    /// <summary>The rows of a candle file; numbers compare by value, so a dropped trailing zero does not matter.</summary>
    public static IReadOnlyList<ExpectedCandle> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        Assert.Equal("time_utc_iso,open,high,low,close,volume", lines[0]);
        return [.. lines.Skip(1).Select(line =>
        {
            var f = line.Split(',');
            Assert.Equal(6, f.Length);
            Assert.DoesNotContain(f.Skip(1), n => n.Contains('.', StringComparison.Ordinal) && n.EndsWith('0'));
            return new ExpectedCandle(
                DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
                Number(f[1]),
                Number(f[2]),
                Number(f[3]),
                Number(f[4]),
                Number(f[5]));
        })];
    }

    private static decimal Number(string text) => decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
