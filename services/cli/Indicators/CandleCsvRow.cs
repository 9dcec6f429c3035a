using Trading.Markets;

namespace Trading.Cli.Indicators;

/// <summary>One row of a candle CSV file, with where it was read.</summary>
/// <param name="LineNumber">1-based line number in the file; the header is line 1.</param>
/// <param name="Time">The <c>time_utc_iso</c> cell as written, the bar start.</param>
public sealed record CandleCsvRow(
    int LineNumber, string Time, DateTimeOffset OpenedAt, decimal Open, decimal High, decimal Low, decimal Close, decimal Volume)
{
    /// <summary>The candle of the row; a row without volume is a synthetic (no-trade) candle.</summary>
    /// <param name="duration">The candle length; a file does not state it.</param>
    public Candle ToCandle(TimeSpan duration) => new()
    {
        OpenedAt = OpenedAt,
        ClosedAt = OpenedAt + duration,
        Open = Open,
        High = High,
        Low = Low,
        Close = Close,
        Volume = Volume,
        TradeCount = 0,
        IsSynthetic = Volume == 0,
    };
}
