using Trading.Contracts.MarketData;

namespace Trading.Cli.Record;

/// <summary>What has been recorded of one symbol so far, for the progress display and the summary.</summary>
public sealed record SymbolProgress
{
    public required string Symbol { get; init; }

    public required long Trades { get; init; }

    public required long Candles { get; init; }

    public required int Gaps { get; init; }

    public decimal? LastPrice { get; init; }

    public DateTimeOffset? LastTradeAt { get; init; }

    /// <summary>The feed's status; null before the venue reported any.</summary>
    public FeedStatus? Status { get; init; }
}
