namespace Trading.Cli.Tests.Download;

/// <summary>Made-up one-minute candles with trailing zeros in the venue strings and a few minutes without trades.</summary>
internal static class History
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<HistoryRow> Minutes(int count) =>
        [.. Enumerable.Range(0, count)
            .Where(i => i % 97 != 13)
            .Select(i => new HistoryRow(
                Start.AddMinutes(i),
                Open: $"{42000 + (i % 50)}.{i % 10}0",
                High: $"{42060 + (i % 50)}.00",
                Low: $"{41950 + (i % 50)}.5",
                Close: $"{42010 + (i % 50)}.{i % 100:00}",
                Volume: $"{i % 7}.{i:0000}000"))];

    public static string Csv(IEnumerable<HistoryRow> rows) =>
        "time_utc_iso,open,high,low,close,volume\n" + string.Concat(rows.Select(r => r.CsvLine + "\n"));
}
