using Trading.Contracts.MarketData;

namespace Trading.MarketData.Replay;

/// <summary>One trade read from a replay file; <see cref="LineNumber"/> (1-based, header included) identifies it.</summary>
public sealed record RecordedTrade(int LineNumber, DateTimeOffset Time, decimal Price, decimal Size, TradeSide Side);
