using Trading.MarketData.Exchange;

namespace Trading.MarketData.Live;

/// <summary>
/// Trades fetched over REST to fill an interruption, oldest first, under the venue symbol that was asked. When the venue
/// could not return everything since the requested time, <see cref="GapFrom"/>..<see cref="GapTo"/> is the range still
/// missing and <see cref="GapReason"/> says why.
/// </summary>
public sealed record BackfillResult
{
    public required IReadOnlyList<VenueTrade> Trades { get; init; }

    public DateTimeOffset? GapFrom { get; init; }

    public DateTimeOffset? GapTo { get; init; }

    public string? GapReason { get; init; }

    public bool HasGap => GapFrom is not null && GapTo is not null && GapTo > GapFrom;
}
