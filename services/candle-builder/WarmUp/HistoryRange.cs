namespace Trading.CandleBuilder.WarmUp;

/// <summary>A range of candle open times, [<see cref="StartAt"/>, <see cref="EndAt"/>), aligned to the series' interval.</summary>
public sealed record HistoryRange(DateTimeOffset StartAt, DateTimeOffset EndAt);
