using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.MarketData.Tests.Live;

/// <summary>Records every sink call in order; thread-safe because backfills complete on the thread pool.</summary>
internal sealed class RecordingSink : IMarketDataSink
{
    private readonly Lock _gate = new();
    private readonly List<object> _events = [];

    public IReadOnlyList<object> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    public IReadOnlyList<PublishedTrades> Trades => [.. Events.OfType<PublishedTrades>()];

    public IReadOnlyList<string> TradeIds => [.. Trades.SelectMany(t => t.Trades).Select(t => t.TradeId)];

    public IReadOnlyList<PublishedStatus> Statuses => [.. Events.OfType<PublishedStatus>()];

    public IReadOnlyList<ReportedGap> Gaps => [.. Events.OfType<ReportedGap>()];

    public IReadOnlyList<PublishedQuote> Quotes => [.. Events.OfType<PublishedQuote>()];

    public ValueTask PublishTradesAsync(string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        Add(new PublishedTrades(venue, symbol, [.. trades], receivedAt));

    public ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        Add(new PublishedQuote(venue, symbol, quote));

    public ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken) =>
        Add(new PublishedStatus(venue, status, reason));

    public ValueTask ReportGapAsync(string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken) =>
        Add(new ReportedGap(venue, symbol, from, to, reason));

    /// <summary>Waits, with a generous deadline, until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<RecordingSink, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The sink never reached the expected state. Events: " + string.Join(" | ", Events));
            }

            await Task.Delay(10);
        }
    }

    private ValueTask Add(object entry)
    {
        lock (_gate)
        {
            _events.Add(entry);
        }

        return ValueTask.CompletedTask;
    }

    internal sealed record PublishedTrades(string Venue, string Symbol, IReadOnlyList<VenueTrade> Trades, DateTimeOffset ReceivedAt);

    internal sealed record PublishedQuote(string Venue, string Symbol, VenueQuote Quote);

    internal sealed record PublishedStatus(string Venue, FeedStatus Status, string Reason);

    internal sealed record ReportedGap(string Venue, string Symbol, DateTimeOffset From, DateTimeOffset To, string Reason);
}
