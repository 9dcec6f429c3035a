namespace Trading.MarketData.Replay;

/// <summary>
/// One data line of a replay file as the replay sees it: the trades it yields (none for a line before the start, a bar with
/// zero volume or a malformed line), or the reason it is malformed.
/// </summary>
public sealed record ReplayLine(int LineNumber, IReadOnlyList<RecordedTrade> Trades, string? Error = null, string? Sample = null);
