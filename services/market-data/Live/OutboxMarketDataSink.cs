using System.Diagnostics;
using Microsoft.Extensions.Options;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Persistence;
using Trading.ServiceDefaults.Outbox;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.MarketData.Live;

/// <summary>
/// Publishes the live feed through the transactional outbox: trades in batches (<see cref="LiveFeedOptions.BatchSize"/>
/// trades or <see cref="LiveFeedOptions.BatchWindow"/>), quotes throttled per symbol, status changes and gaps at once.
/// <see cref="RunAsync"/> must run for batches and held quotes to go out when their time is up.
/// </summary>
public sealed class OutboxMarketDataSink(
    Outbox outbox,
    IOptions<LiveFeedOptions> options,
    TimeProvider timeProvider,
    MarketDataMetrics metrics,
    ILogger<OutboxMarketDataSink> logger) : IMarketDataSink
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TradeBatcher _batcher = new(options.Value.BatchSize, options.Value.BatchWindow);
    private readonly QuoteThrottle _quotes = new(options.Value.QuoteInterval);
    private readonly FeedCursorStore _cursors = new();
    private volatile string? _leaseOwner;

    /// <summary>
    /// From now on a batch is published only while <paramref name="owner"/> holds its symbol's lease, checked in the
    /// batch's own transaction: a batch held back by an instance that lost the symbol is dropped, and the new owner, which
    /// resumes from the cursor committed with the last published batch, publishes those trades instead, once.
    /// </summary>
    public void FenceWith(string owner) => _leaseOwner = owner;

    /// <summary>The stored cursors of <paramref name="symbols"/>: the last trade published of each.</summary>
    public async Task<IReadOnlyDictionary<string, FeedCursor>> LoadCursorsAsync(IReadOnlyCollection<string> symbols, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, FeedCursor> cursors = new Dictionary<string, FeedCursor>();
        await outbox.ExecuteAsync(async tx => cursors = await _cursors.LoadAsync(tx, symbols), cancellationToken);
        return cursors;
    }

    public async ValueTask PublishTradesAsync(
        string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            var full = _batcher.Add(venue, symbol, trades.Select(t => MarketDataMessages.ToTrade(t, receivedAt)), now);
            foreach (var batch in full)
            {
                await PublishBatchAsync(batch, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_quotes.Offer(MarketDataMessages.ToQuoteUpdated(venue, symbol, quote, receivedAt), timeProvider.GetUtcNow()) is { } due)
            {
                await outbox.ExecuteAsync(tx => tx.PublishAsync(due), cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await outbox.ExecuteAsync(
                tx => tx.PublishAsync(new FeedStatusChanged { Venue = venue, Status = status, Reason = reason, ChangedAt = tx.Now }),
                cancellationToken);
            metrics.StatusChanged(venue, status);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <remarks>The gap metric is counted by <see cref="FeedSupervisor"/>, which finds the gap.</remarks>
    public async ValueTask ReportGapAsync(
        string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Trades before the gap go out first, so a consumer reads them in order.
            if (_batcher.Take(venue, symbol) is { } batch)
            {
                await PublishBatchAsync(batch, cancellationToken);
            }

            await outbox.ExecuteAsync(
                tx => tx.PublishAsync(MarketDataMessages.ToGapStatus(venue, symbol, from, to, reason, tx.Now)),
                cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Publishes the batches whose window has elapsed and the held quotes whose interval has.</summary>
    public async Task FlushDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            await PublishBatchesAsync(_batcher.TakeDue(now), cancellationToken);

            var quotes = _quotes.TakeDue(now);
            if (quotes.Count > 0)
            {
                await outbox.ExecuteAsync(
                    async tx =>
                    {
                        foreach (var quote in quotes)
                        {
                            await tx.PublishAsync(quote);
                        }
                    },
                    cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Publishes every batch still held, whatever its window. A feed that stopped calls this before the next run loads the
    /// cursors: a batch published after that load would repeat trades the next run backfills from the older cursor.
    /// </summary>
    public async Task PublishHeldTradesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await PublishBatchesAsync(_batcher.Flush(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Flushes due batches and quotes until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A fifth of the shorter limit keeps a batch's wait within 20 % of its window.
        var settings = options.Value;
        var tick = (settings.BatchWindow < settings.QuoteInterval ? settings.BatchWindow : settings.QuoteInterval) / 5;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(tick, timeProvider, cancellationToken);
            await FlushDueAsync(cancellationToken);
        }
    }

    private async Task PublishBatchesAsync(IReadOnlyList<TradeBatch> batches, CancellationToken cancellationToken)
    {
        foreach (var batch in batches)
        {
            await PublishBatchAsync(batch, cancellationToken);
        }
    }

    private async Task PublishBatchAsync(TradeBatch batch, CancellationToken cancellationToken)
    {
        // Each batch starts its own trace: this is where the trace of a trade begins.
        Activity.Current = null;
        using var activity = ServiceTelemetry.Source.StartActivity("live batch", ActivityKind.Producer, parentContext: default);
        activity?.SetTag("trading.venue", batch.Venue);
        activity?.SetTag("trading.symbol", batch.Symbol);
        activity?.SetTag("trading.trade_count", batch.Trades.Count);

        var owner = _leaseOwner;
        var fenced = false;
        await outbox.ExecuteAsync(
            async tx =>
            {
                if (owner is not null && !await _cursors.HoldsLeaseAsync(tx, batch.Symbol, owner))
                {
                    fenced = true;
                    return;
                }

                await tx.PublishAsync(MarketDataMessages.ToTradesReceived(batch));
                var last = batch.Trades[^1];
                await _cursors.AdvanceAsync(tx, batch.Symbol, new FeedCursor { Venue = batch.Venue, LastTradeId = last.TradeId, LastExchangeTime = last.ExchangeTime });
            },
            cancellationToken);
        if (fenced)
        {
            Log.BatchDroppedWithoutLease(logger, batch.Venue, batch.Symbol, batch.Trades.Count, owner!);
            return;
        }

        metrics.BatchPublished(batch.Venue, batch.Symbol, batch.Trades.Count);
        metrics.BatchCommitted(batch.Venue, batch.Symbol, batch.Trades, timeProvider.GetUtcNow());
    }
}
