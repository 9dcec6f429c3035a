using Trading.Contracts.MarketData;

namespace Trading.Cli.Record;

/// <summary>How a recording ended.</summary>
public sealed record RecordResult
{
    public required IReadOnlyList<SymbolProgress> Symbols { get; init; }

    /// <summary>The file error that stopped the recording early, or null.</summary>
    public Exception? Failure { get; init; }

    /// <summary>False when the venue never became live: nothing could be recorded.</summary>
    public required bool WasLive { get; init; }

    public FeedStatus? LastStatus { get; init; }

    public string? LastStatusReason { get; init; }

    public required long Reconnects { get; init; }

    public required long MalformedFrames { get; init; }

    public required long VenueErrors { get; init; }
}
