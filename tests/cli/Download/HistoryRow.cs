namespace Trading.Cli.Tests.Download;

/// <summary>One candle as a venue sends it: numbers as the venue's strings, so the test can say what the CSV must show.</summary>
internal sealed record HistoryRow(DateTimeOffset Start, string Open, string High, string Low, string Close, string Volume)
{
    /// <summary>The CSV row, written out by hand: trailing zeros and a bare point dropped.</summary>
    public string CsvLine =>
        $"{Start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{Trim(Open)},{Trim(High)},{Trim(Low)},{Trim(Close)},{Trim(Volume)}";

    private static string Trim(string number) => number.Contains('.') ? number.TrimEnd('0').TrimEnd('.') : number;
}
