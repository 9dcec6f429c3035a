using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;

namespace Trading.MarketData.Live.Scaling;

/// <summary>
/// The sink of one run of the feed: passes every call to the service's sink until <paramref name="stopped"/> is
/// cancelled, after which calls in progress return at once and later ones are refused (both with
/// <see cref="OperationCanceledException"/>). The outbox sink writes to the same database as the leases, so when that
/// database stops answering a call can hang far longer than the fence allows, and with it the venue connection that made
/// it; abandoning the call lets the connection close as soon as the feed is stopped.
/// </summary>
public sealed class StoppableSink(IMarketDataSink inner, CancellationToken stopped) : IMarketDataSink
{
    public ValueTask PublishTradesAsync(
        string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        CallAsync(() => inner.PublishTradesAsync(venue, symbol, trades, receivedAt, cancellationToken));

    public ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        CallAsync(() => inner.PublishQuoteAsync(venue, symbol, quote, receivedAt, cancellationToken));

    public ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken) =>
        CallAsync(() => inner.PublishStatusAsync(venue, status, reason, cancellationToken));

    public ValueTask ReportGapAsync(
        string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken) =>
        CallAsync(() => inner.ReportGapAsync(venue, symbol, from, to, reason, cancellationToken));

    private async ValueTask CallAsync(Func<ValueTask> call)
    {
        stopped.ThrowIfCancellationRequested();
        var running = call();
        if (running.IsCompleted)
        {
            await running;
            return;
        }

        var task = running.AsTask();
        try
        {
            await task.WaitAsync(stopped);
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested && !task.IsCompleted)
        {
            // The abandoned call still ends some day; its failure then is of no interest to anyone.
            _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw;
        }
    }
}
