namespace Trading.Contracts.MarketData;

/// <summary>A market-data feed changed state.</summary>
public sealed record FeedStatusChanged
{
    /// <summary>Venue code, upper case (<c>REPLAY</c> feeds name the venue of the recorded data).</summary>
    public required string Venue { get; init; }

    /// <summary>The new state.</summary>
    public required FeedStatus Status { get; init; }

    /// <summary>Why the state changed, in words.</summary>
    public required string Reason { get; init; }

    /// <summary>When the change was observed (UTC).</summary>
    public required DateTimeOffset ChangedAt { get; init; }
}
