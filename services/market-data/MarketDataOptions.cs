namespace Trading.MarketData;

/// <summary>Where market data comes from (section <c>MarketData</c>).</summary>
public sealed class MarketDataOptions
{
    public const string Section = "MarketData";

    public const string ReplaySource = "Replay";

    public const string LiveSource = "Live";

    /// <summary>
    /// The data source: <c>Replay</c> (a recorded trades file, section <c>Replay</c>) or <c>Live</c> (venue WebSockets,
    /// section <c>LiveFeed</c>).
    /// </summary>
    public string Source { get; set; } = ReplaySource;

    public bool IsReplay => string.Equals(Source, ReplaySource, StringComparison.OrdinalIgnoreCase);

    public bool IsLive => string.Equals(Source, LiveSource, StringComparison.OrdinalIgnoreCase);
}
