using System.Globalization;

namespace Trading.Markets.Tests;

// Reads the shared real-market CSVs in ../shared/data, next to the repository.
internal static class TestData
{
    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    public static string SharedDataPath(params string[] parts) =>
        Path.GetFullPath(Path.Combine([RepositoryRoot.Value, "..", "shared", "data", .. parts]));

    // Rows of a CSV under ../shared/data as column name → cell, empty cells as "".
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> ReadRows(params string[] parts)
    {
        var lines = File.ReadAllLines(SharedDataPath(parts));
        var header = lines[0].Split(',');
        return lines
            .Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => (IReadOnlyDictionary<string, string>)header
                .Zip(line.Split(','))
                .ToDictionary(pair => pair.First, pair => pair.Second))
            .ToList();
    }

    // Candles from market/file, whose time column is the bar's start.
    public static IReadOnlyList<Candle> ReadCandles(string file, TimeSpan duration, int rows = int.MaxValue) =>
        ReadRows("market", file)
            .Take(rows)
            .Select(row =>
            {
                var openedAt = ParseTime(row["time_utc_iso"]);
                return new Candle
                {
                    OpenedAt = openedAt,
                    ClosedAt = openedAt + duration,
                    Open = ParseDecimal(row["open"]),
                    High = ParseDecimal(row["high"]),
                    Low = ParseDecimal(row["low"]),
                    Close = ParseDecimal(row["close"]),
                    Volume = ParseDecimal(row["volume"]),
                    TradeCount = 0,
                    IsSynthetic = false,
                };
            })
            .ToList();

    public static IReadOnlyList<TestTrade> ReadTrades(string file) =>
        ReadRows("market", file)
            .Select(row => new TestTrade(
                ParseTime(row["time_utc_iso"]),
                ParseDecimal(row["price"]),
                ParseDecimal(row["size"]),
                row["side"] switch { "buy" => AggressorSide.Buy, "sell" => AggressorSide.Sell, _ => AggressorSide.Unknown }))
            .ToList();

    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Trading.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder containing Trading.sln above {AppContext.BaseDirectory}.");
    }
}
