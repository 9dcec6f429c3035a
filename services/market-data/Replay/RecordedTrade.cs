using Trading.Contracts.MarketData;

namespace Trading.MarketData.Replay;

/// <summary>
/// One trade read from a replay file. <see cref="LineNumber"/> (1-based, header included) and <see cref="Point"/> identify it:
/// a trades file has one trade per line (point 0); a candle line becomes up to four synthetic trades, points 0 to 3 of the
/// bar's path. <see cref="EndsLine"/> is true for the last trade made from its line.
/// </summary>
public sealed record RecordedTrade(
    int LineNumber, DateTimeOffset Time, decimal Price, decimal Size, TradeSide Side, int Point = 0, bool EndsLine = true);
