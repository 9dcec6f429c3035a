using System.Globalization;

namespace Trading.Markets.Tests.Indicators;

// A TA-Lib reference file in ../shared/data/indicators and the market candles it was computed from.
public sealed record ReferenceFile(string Name, string MarketFile, TimeSpan Duration, int Rows)
{
    public static IReadOnlyList<ReferenceFile> All { get; } =
    [
        // The 1m reference was computed on the first 5,000 rows of a longer file.
        new("btcusd-1m-reference.csv", "btcusd-perp-ftx-1m-20211231-20220114.csv", TimeSpan.FromMinutes(1), 5_000),
        new("btcusd-5m-reference.csv", "btcusd-perp-ftx-5m-20211231-20220104.csv", TimeSpan.FromMinutes(5), 999),
        new(
            "btcusd-coinbase-1m-20161007-20161009-reference.csv",
            "btcusd-coinbase-1m-20161007-20161009.csv",
            TimeSpan.FromMinutes(1),
            4_216),
        new(
            "ethusd-coinbase-1m-20170903-20170904-reference.csv",
            "ethusd-coinbase-1m-20170903-20170904.csv",
            TimeSpan.FromMinutes(1),
            2_880),
    ];

    public static TheoryData<string> Names => new(All.Select(file => file.Name));

    public static ReferenceFile Named(string name) => All.Single(file => file.Name == name);

    public IReadOnlyList<Candle> ReadCandles() => TestData.ReadCandles(MarketFile, Duration, Rows);

    // The column's values row by row, null where TA-Lib gives no output; checks the rows line up with the candles.
    public IReadOnlyList<double?> ReadColumn(string column)
    {
        var rows = TestData.ReadRows("indicators", Name);
        var candles = ReadCandles();
        Assert.Equal(Rows, rows.Count);
        Assert.Equal(candles.Select(candle => candle.OpenedAt), rows.Select(row => TestData.ParseTime(row["time_utc_iso"])));
        return rows
            .Select(row => row[column] is { Length: > 0 } cell ? double.Parse(cell, CultureInfo.InvariantCulture) : (double?)null)
            .ToList();
    }
}
