namespace Trading.MarketData;

/// <summary>Where market data comes from (section <c>MarketData</c>).</summary>
public sealed class MarketDataOptions
{
    public const string Section = "MarketData";

    public const string ReplaySource = "Replay";

    /// <summary>The data source. Only <c>Replay</c> (a recorded trades file, see <c>Replay</c>) exists for now.</summary>
    public string Source { get; set; } = ReplaySource;
}
