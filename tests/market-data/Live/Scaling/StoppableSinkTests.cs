using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;
using Trading.MarketData.Live.Scaling;

namespace Trading.MarketData.Tests.Live.Scaling;

public sealed class StoppableSinkTests : IDisposable
{
    private readonly CancellationTokenSource _stopped = new();

    public void Dispose() => _stopped.Dispose();

    [Fact]
    public async Task Calls_reach_the_service_sink_while_the_feed_runs()
    {
        var inner = new RecordingSink();
        var sink = new StoppableSink(inner, _stopped.Token);

        await sink.PublishStatusAsync("KRAKEN", FeedStatus.Live, "subscribed", CancellationToken.None);

        Assert.Single(inner.Statuses);
    }

    [Fact]
    public async Task A_call_hanging_on_the_database_returns_as_soon_as_the_feed_is_stopped()
    {
        var sink = new StoppableSink(new SilentSink(), _stopped.Token);
        var call = sink.PublishStatusAsync("KRAKEN", FeedStatus.Live, "subscribed", CancellationToken.None).AsTask();

        await _stopped.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Calls_after_the_stop_are_refused_without_reaching_the_service_sink()
    {
        var inner = new RecordingSink();
        var sink = new StoppableSink(inner, _stopped.Token);
        await _stopped.CancelAsync();

        var call = sink.PublishStatusAsync("KRAKEN", FeedStatus.Live, "subscribed", CancellationToken.None).AsTask();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Empty(inner.Events);
    }

    /// <summary>A sink whose every call hangs and ignores cancellation, like an outbox write to a partitioned database.</summary>
    private sealed class SilentSink : IMarketDataSink
    {
        private readonly TaskCompletionSource _never = new();

        public ValueTask PublishTradesAsync(string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
            new(_never.Task);

        public ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
            new(_never.Task);

        public ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken) =>
            new(_never.Task);

        public ValueTask ReportGapAsync(string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken) =>
            new(_never.Task);
    }
}
