namespace Trading.MarketData.Exchange;

/// <summary>
/// The result of parsing one frame. One instance is reused for every frame of a connection (call
/// <see cref="Clear"/> first), so the hot path allocates only the trades and quotes themselves.
/// </summary>
public sealed class ParsedFrame
{
    public FrameKind Kind { get; set; }

    public List<VenueTrade> Trades { get; } = [];

    public List<VenueQuote> Quotes { get; } = [];

    /// <summary>The venue's message sequence number when it sends one (Coinbase <c>sequence_num</c>, Kraken Futures <c>seq</c>).</summary>
    public long? Sequence { get; set; }

    /// <summary>For <see cref="FrameKind.Malformed"/>, <see cref="FrameKind.VenueError"/> and <see cref="FrameKind.Status"/>: what happened, in words.</summary>
    public string? Detail { get; set; }

    public void Clear()
    {
        Kind = FrameKind.None;
        Trades.Clear();
        Quotes.Clear();
        Sequence = null;
        Detail = null;
    }
}
