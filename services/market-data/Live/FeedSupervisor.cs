using System.Globalization;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.Exchange.Rest;
using Trading.MarketData.Exchange.Symbols;

namespace Trading.MarketData.Live;

/// <summary>
/// Watches the connections of several venues streaming the same symbols and publishes from one of them, the active venue:
/// the highest-priority venue that is Live. The others run as hot standbys and their data is dropped. When the active
/// venue stops being Live it fails over to the next Live one; when a higher-priority venue has been Live again for
/// <see cref="FailbackAfter"/> it fails back. After an interruption or a change of venue, the trades missed since the last
/// published trade of each symbol are fetched over REST, merged with the stream and de-duplicated; what cannot be fetched
/// is reported as a gap. Given a stored <see cref="FeedCursor"/> per symbol, it resumes from there: the first active venue
/// is backfilled from the cursor and nothing the cursor covers is published again. A venue that stays down publishes one
/// status when it goes down and one when it is live again, not one per reconnect attempt.
/// </summary>
public sealed class FeedSupervisor : IVenueConnectionObserver, IAsyncDisposable
{
    public static readonly TimeSpan DefaultFailbackAfter = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _disposed = new();
    private readonly HashSet<string> _symbols;
    private readonly List<VenueStatus> _venues;
    private readonly IMarketDataSink _sink;
    private readonly IReadOnlyDictionary<string, ITradeBackfill> _backfills;
    private readonly TimeProvider _timeProvider;
    private readonly LiveFeedMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly TradeDeduplicator _deduplicator;
    private readonly Dictionary<string, DateTimeOffset> _lastPublishedAt = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Venue, string Symbol), RunningBackfill> _running = [];
    private readonly Dictionary<string, ResumeCursorFilter> _resumeFilters = new(StringComparer.Ordinal);

    // Read by PublishedCursors from any thread, possibly inside a sink call that holds _gate, hence a lock of its own.
    private readonly Lock _cursorsLock = new();
    private readonly Dictionary<string, FeedCursor> _cursors = new(StringComparer.Ordinal);
    private ITimer? _failbackTimer;
    private Task _failbackCheck = Task.CompletedTask;
    private VenueStatus? _active;

    /// <param name="symbols">Normalised symbols; each must be supported by every venue.</param>
    /// <param name="venues">Venue codes, highest priority first.</param>
    /// <param name="backfills">The REST backfill per venue code; a venue without one reports every interruption as a gap.</param>
    /// <param name="resumeFrom">
    /// Per normalised symbol, how far it was already published (by this service before a restart, or by the instance it was
    /// taken over from); entries for symbols not in <paramref name="symbols"/> are ignored.
    /// </param>
    /// <exception cref="UnknownSymbolException">A symbol is not supported on one of the venues.</exception>
    public FeedSupervisor(
        IReadOnlyList<string> symbols,
        IReadOnlyList<string> venues,
        IMarketDataSink sink,
        IReadOnlyDictionary<string, ITradeBackfill> backfills,
        TimeProvider timeProvider,
        ILogger logger,
        LiveFeedMetrics? metrics = null,
        TimeSpan? failbackAfter = null,
        TradeDeduplicator? deduplicator = null,
        IReadOnlyDictionary<string, FeedCursor>? resumeFrom = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(symbols.Count);
        ArgumentOutOfRangeException.ThrowIfZero(venues.Count);
        _venues = [];
        foreach (var venue in venues)
        {
            var status = new VenueStatus(venue, _venues.Count);
            foreach (var symbol in symbols)
            {
                status.VenueSymbols[symbol] = SymbolMap.Default.ToVenue(venue, symbol);
                metrics?.Watching(venue, symbol);
            }

            _venues.Add(status);
        }

        _symbols = new HashSet<string>(symbols, StringComparer.Ordinal);
        _sink = sink;
        _backfills = backfills;
        _timeProvider = timeProvider;
        _logger = logger;
        _metrics = metrics;
        FailbackAfter = failbackAfter ?? DefaultFailbackAfter;
        _deduplicator = deduplicator ?? new TradeDeduplicator();
        foreach (var (symbol, cursor) in resumeFrom ?? new Dictionary<string, FeedCursor>())
        {
            if (!_symbols.Contains(symbol))
            {
                continue;
            }

            _resumeFilters[symbol] = new ResumeCursorFilter(cursor);
            _cursors[symbol] = cursor;
            _lastPublishedAt[symbol] = cursor.LastExchangeTime;
            Log.ResumingFromCursor(_logger, symbol, cursor.Venue, cursor.LastTradeId, cursor.LastExchangeTime);
        }
    }

    public TimeSpan FailbackAfter { get; }

    /// <summary>The venue whose data is published, or null before any venue was Live.</summary>
    public string? ActiveVenue => _active?.Venue;

    /// <summary>
    /// Per symbol, the last trade handed to the sink (whose sink call returned), or the resume cursor while none was; what
    /// the service stores to resume from after a restart or a handover. Safe to call from any thread, sink calls included.
    /// </summary>
    public IReadOnlyDictionary<string, FeedCursor> PublishedCursors()
    {
        lock (_cursorsLock)
        {
            return new Dictionary<string, FeedCursor>(_cursors, StringComparer.Ordinal);
        }
    }

    public async ValueTask OnStateChangedAsync(string venue, VenueConnectionState state, string reason, CancellationToken cancellationToken)
    {
        if (Find(venue) is not { } status)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (status.State == state)
            {
                // The same state with news: the venue rejected a subscribed symbol, which then never streams. Said once
                // per venue and reason, not again on every reconnect.
                if (status.Rejections.Add(reason))
                {
                    await _sink.PublishStatusAsync(venue, ToFeedStatus(state), reason, cancellationToken);
                }

                return;
            }

            var now = _timeProvider.GetUtcNow();
            status.State = state;
            status.Reason = reason;
            status.LiveSince = state == VenueConnectionState.Live ? now : null;
            status.Interrupted |= state is VenueConnectionState.Down or VenueConnectionState.Stale;
            var wasDown = status.Filter.IsDown;
            if (status.Filter.Next(state, reason, now) is { } published)
            {
                await _sink.PublishStatusAsync(venue, ToFeedStatus(state), published, cancellationToken);
            }
            else
            {
                Log.FeedStatusSuppressed(_logger, venue, state.ToString(), reason, status.Filter.Suppressed);
            }

            if (wasDown && !status.Filter.IsDown)
            {
                Log.VenueLiveAgain(_logger, venue, status.Filter.DownFor, status.Filter.Attempts, status.Filter.Suppressed);
            }

            await ReconcileAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask OnMarketDataAsync(string venue, ParsedFrame frame, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (frame.Trades.Count == 0 && frame.Quotes.Count == 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_active is null || _active.Venue != venue)
            {
                return;
            }

            if (frame.Trades.Count > 0)
            {
                await OnTradesAsync(_active, frame.Trades, receivedAt, cancellationToken);
            }

            foreach (var quote in frame.Quotes)
            {
                if (Normalise(venue, quote.VenueSymbol) is { } symbol)
                {
                    await _sink.PublishQuoteAsync(venue, symbol, quote, receivedAt, cancellationToken);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Completes when the backfills and the failback check running now have finished.</summary>
    public async Task WhenIdleAsync()
    {
        Task[] tasks;
        await _gate.WaitAsync();
        try
        {
            tasks = [.. _running.Values.Select(r => r.Task), _failbackCheck];
        }
        finally
        {
            _gate.Release();
        }

        await Task.WhenAll(tasks);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync();
        Task[] tasks;
        await _gate.WaitAsync();
        try
        {
            _failbackTimer?.Dispose();
            tasks = [.. _running.Values.Select(r => r.Task), _failbackCheck];
        }
        finally
        {
            _gate.Release();
        }

        await Task.WhenAll(tasks);
    }

    private async Task OnTradesAsync(VenueStatus venue, List<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // A frame normally carries one symbol; grouping keeps each symbol's trades in venue order.
        Dictionary<string, List<VenueTrade>>? bySymbol = null;
        foreach (var trade in trades)
        {
            if (Normalise(venue.Venue, trade.VenueSymbol) is not { } symbol)
            {
                continue;
            }

            if (_running.TryGetValue((venue.Venue, symbol), out var backfill))
            {
                // Held until the backfill is in, so missed trades are published before the ones streamed after them.
                backfill.Buffer.Add((trade, receivedAt));
                continue;
            }

            bySymbol ??= new Dictionary<string, List<VenueTrade>>(StringComparer.Ordinal);
            if (!bySymbol.TryGetValue(symbol, out var list))
            {
                bySymbol[symbol] = list = [];
            }

            list.Add(trade);
        }

        if (bySymbol is null)
        {
            return;
        }

        foreach (var (symbol, list) in bySymbol)
        {
            await PublishNewAsync(venue.Venue, symbol, list.Select(t => (t, receivedAt, false)), cancellationToken);
        }
    }

    /// <summary>
    /// Publishes the trades not seen before, in the given order, one sink call per run of equal receive times; returns how
    /// many of the published trades came from a backfill.
    /// </summary>
    private async Task<int> PublishNewAsync(
        string venue, string symbol, IEnumerable<(VenueTrade Trade, DateTimeOffset ReceivedAt, bool Backfilled)> trades, CancellationToken cancellationToken)
    {
        if (_resumeFilters.TryGetValue(symbol, out var resume))
        {
            trades = resume.Filter(venue, [.. trades], t => t.Trade);
        }

        var backfilled = 0;
        var run = new List<VenueTrade>();
        DateTimeOffset runReceivedAt = default;
        foreach (var (trade, receivedAt, fromBackfill) in trades)
        {
            if (!_deduplicator.TryAccept(venue, trade))
            {
                continue;
            }

            if (run.Count > 0 && receivedAt != runReceivedAt)
            {
                await FlushRunAsync(venue, symbol, run, runReceivedAt, cancellationToken);
            }

            runReceivedAt = receivedAt;
            run.Add(trade);
            backfilled += fromBackfill ? 1 : 0;
        }

        if (run.Count > 0)
        {
            await FlushRunAsync(venue, symbol, run, runReceivedAt, cancellationToken);
        }

        return backfilled;
    }

    private async Task FlushRunAsync(string venue, string symbol, List<VenueTrade> run, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        VenueTrade[] batch = [.. run];
        run.Clear();
        await _sink.PublishTradesAsync(venue, symbol, batch, receivedAt, cancellationToken);
        var latest = batch.Max(t => t.ExchangeTime);
        if (!_lastPublishedAt.TryGetValue(symbol, out var previous) || latest > previous)
        {
            _lastPublishedAt[symbol] = latest;
        }

        AdvanceCursor(venue, symbol, batch);
    }

    // The cursor is the last trade published that is not older than the one before it, so its id and time belong together.
    private void AdvanceCursor(string venue, string symbol, VenueTrade[] batch)
    {
        lock (_cursorsLock)
        {
            var cursor = _cursors.GetValueOrDefault(symbol);
            foreach (var trade in batch)
            {
                if (cursor is null || trade.ExchangeTime >= cursor.LastExchangeTime)
                {
                    cursor = new FeedCursor { Venue = venue, LastTradeId = trade.TradeId, LastExchangeTime = trade.ExchangeTime };
                }
            }

            _cursors[symbol] = cursor!;
        }
    }

    // Runs under the gate after any state change or when a failback falls due.
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        if (_active is { State: VenueConnectionState.Live } active)
        {
            var ready = _venues.FirstOrDefault(v =>
                v.Priority < active.Priority && v.State == VenueConnectionState.Live && now - v.LiveSince >= FailbackAfter);
            if (ready is not null)
            {
                var reason = $"{ready.Venue} live again for {Seconds(FailbackAfter)}; failing back from {active.Venue}";
                await SwitchAsync(ready, reason, "failback", cancellationToken);
                return;
            }

            ScheduleFailbackCheck(active, now);
            if (active.Interrupted)
            {
                active.Interrupted = false;
                StartBackfills(active);
            }

            return;
        }

        if (_venues.FirstOrDefault(v => v.State == VenueConnectionState.Live) is { } next)
        {
            var reason = _active is null
                ? $"{next.Venue} is live; publishing from it"
                : $"{_active.Venue} {_active.State}: {_active.Reason}; failing over to {next.Venue}";
            await SwitchAsync(next, reason, _active is null ? "start" : "failover", cancellationToken);
        }
    }

    private async Task SwitchAsync(VenueStatus next, string reason, string kind, CancellationToken cancellationToken)
    {
        var previous = _active;
        _active = next;
        next.Interrupted = false;
        Log.ActiveVenueChanged(_logger, previous?.Venue, next.Venue, reason);
        _metrics?.ActiveVenueChanged(previous?.Venue, next.Venue, kind);

        // Backfills of the venue left behind would publish under a venue that is no longer active.
        foreach (var (key, backfill) in _running.Where(r => r.Key.Venue != next.Venue).ToList())
        {
            _running.Remove(key);
            await backfill.Cancellation.CancelAsync();
        }

        await _sink.PublishStatusAsync(next.Venue, FeedStatus.Live, reason, cancellationToken);

        // At start only symbols resumed from a cursor have a last published trade, so only they are backfilled.
        StartBackfills(next);

        ScheduleFailbackCheck(next, _timeProvider.GetUtcNow());
    }

    private void ScheduleFailbackCheck(VenueStatus active, DateTimeOffset now)
    {
        var dueAt = _venues
            .Where(v => v.Priority < active.Priority && v.LiveSince is not null)
            .Select(v => (DateTimeOffset?)(v.LiveSince!.Value + FailbackAfter))
            .Min();
        _failbackTimer?.Dispose();
        _failbackTimer = dueAt is { } due && !_disposed.IsCancellationRequested
            ? _timeProvider.CreateTimer(_ => _failbackCheck = CheckFailbackAsync(), null, Max(due - now, TimeSpan.Zero), Timeout.InfiniteTimeSpan)
            : null;
    }

    private async Task CheckFailbackAsync()
    {
        try
        {
            await _gate.WaitAsync(_disposed.Token);
            try
            {
                await ReconcileAsync(_disposed.Token);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (OperationCanceledException) when (_disposed.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.LiveFeedFailed(_logger, exception, _active?.Venue ?? "");
        }
    }

    private void StartBackfills(VenueStatus venue)
    {
        foreach (var symbol in _symbols)
        {
            if (!_lastPublishedAt.TryGetValue(symbol, out var since))
            {
                continue;
            }

            var key = (venue.Venue, symbol);
            var superseded = _running.GetValueOrDefault(key);
            superseded?.Cancellation.Cancel();

            // Trades buffered for a superseded backfill are still unpublished; the new one takes them over.
            var resumedOnThisVenue = _resumeFilters.TryGetValue(symbol, out var resume) && resume.Cursor.Venue == venue.Venue;
            var backfill = new RunningBackfill(CancellationTokenSource.CreateLinkedTokenSource(_disposed.Token), superseded?.Buffer ?? [])
            {
                LastTradeId = _deduplicator.LastAccepted(venue.Venue, venue.VenueSymbols[symbol])?.TradeId
                    ?? (resumedOnThisVenue ? resume!.Cursor.LastTradeId : null),
            };
            _running[key] = backfill;
            backfill.Task = RunBackfillAsync(venue, symbol, since, backfill);
        }
    }

    private async Task RunBackfillAsync(VenueStatus venue, string symbol, DateTimeOffset since, RunningBackfill backfill)
    {
        try
        {
            await FetchAndCompleteAsync(venue, symbol, since, backfill);
        }
        catch (OperationCanceledException) when (backfill.Cancellation.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            Log.LiveFeedFailed(_logger, exception, venue.Venue);
        }
        finally
        {
            // Only a backfill no longer in _running gets here, so nothing cancels this source afterwards.
            backfill.Cancellation.Dispose();
        }
    }

    private async Task FetchAndCompleteAsync(VenueStatus venue, string symbol, DateTimeOffset since, RunningBackfill backfill)
    {
        // Let the caller, which holds the gate, finish before the fetch starts.
        await Task.Yield();
        var venueSymbol = venue.VenueSymbols[symbol];
        var startedAt = _timeProvider.GetUtcNow();
        BackfillResult? result = null;
        string? failure = null;
        try
        {
            if (_backfills.TryGetValue(venue.Venue, out var source))
            {
                result = await source.FetchSinceAsync(venue.Venue, venueSymbol, since, backfill.LastTradeId, backfill.Cancellation.Token);
            }
            else
            {
                failure = $"no REST backfill for {venue.Venue}";
            }
        }
        catch (Exception exception) when (exception is VenueRequestException or HttpRequestException)
        {
            failure = exception.Message;
        }

        await _gate.WaitAsync(backfill.Cancellation.Token);
        try
        {
            if (!_running.TryGetValue((venue.Venue, symbol), out var current) || current != backfill || _active != venue)
            {
                return;
            }

            _running.Remove((venue.Venue, symbol));
            await CompleteBackfillAsync(venue.Venue, symbol, venueSymbol, since, startedAt, result, failure, backfill.Buffer);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CompleteBackfillAsync(
        string venue,
        string symbol,
        string venueSymbol,
        DateTimeOffset since,
        DateTimeOffset startedAt,
        BackfillResult? result,
        string? failure,
        List<(VenueTrade Trade, DateTimeOffset ReceivedAt)> buffer)
    {
        var cancellationToken = _disposed.Token;
        if (result is null)
        {
            await ReportGapAsync(venue, symbol, since, startedAt, failure ?? "backfill failed", cancellationToken);
            await PublishNewAsync(venue, symbol, buffer.Select(b => (b.Trade, b.ReceivedAt, false)), cancellationToken);
            return;
        }

        if (result.HasGap)
        {
            await ReportGapAsync(venue, symbol, result.GapFrom!.Value, result.GapTo!.Value, result.GapReason ?? "backfill incomplete", cancellationToken);
        }

        var fetchedAt = _timeProvider.GetUtcNow();
        var backfilled = result.Trades.Select(t => (Trade: t with { VenueSymbol = venueSymbol }, ReceivedAt: fetchedAt, Backfilled: true));
        var streamed = buffer.Select(b => (b.Trade, b.ReceivedAt, Backfilled: false));

        // OrderBy is stable: at equal exchange times the backfilled trade comes first, and the streamed copy is the duplicate.
        var merged = backfilled.Concat(streamed).OrderBy(t => t.Trade.ExchangeTime);
        var newBackfilled = await PublishNewAsync(venue, symbol, merged, cancellationToken);
        _metrics?.Backfilled(venue, symbol, newBackfilled);
        Log.TradesBackfilled(_logger, venue, symbol, newBackfilled, since);
    }

    private async Task ReportGapAsync(string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken)
    {
        Log.TradeGap(_logger, venue, symbol, from, to, reason);
        _metrics?.Gap(venue, symbol);
        await _sink.ReportGapAsync(venue, symbol, from, to, reason, cancellationToken);
    }

    private string? Normalise(string venue, string venueSymbol) =>
        SymbolMap.Default.TryToNormalised(venue, venueSymbol, out var symbol) && _symbols.Contains(symbol) ? symbol : null;

    private VenueStatus? Find(string venue) => _venues.FirstOrDefault(v => v.Venue == venue);

    private static FeedStatus ToFeedStatus(VenueConnectionState state) => state switch
    {
        VenueConnectionState.Connecting => FeedStatus.Connecting,
        VenueConnectionState.Live => FeedStatus.Live,
        VenueConnectionState.Stale => FeedStatus.Stale,
        _ => FeedStatus.Down,
    };

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private sealed class VenueStatus(string venue, int priority)
    {
        public string Venue { get; } = venue;

        /// <summary>0 is the highest priority.</summary>
        public int Priority { get; } = priority;

        public Dictionary<string, string> VenueSymbols { get; } = new(StringComparer.Ordinal);

        /// <summary>Reasons already published for reports that changed no state (symbol rejections).</summary>
        public HashSet<string> Rejections { get; } = new(StringComparer.Ordinal);

        /// <summary>Null until the connection reports its first state.</summary>
        public VenueConnectionState? State { get; set; }

        public string Reason { get; set; } = "not connected yet";

        public DateTimeOffset? LiveSince { get; set; }

        /// <summary>Went Down or Stale since it was last active and Live: its stream has a hole to backfill.</summary>
        public bool Interrupted { get; set; }

        public VenueStatusFilter Filter { get; } = new();
    }

    private sealed class RunningBackfill(CancellationTokenSource cancellation, List<(VenueTrade Trade, DateTimeOffset ReceivedAt)> buffer)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public List<(VenueTrade Trade, DateTimeOffset ReceivedAt)> Buffer { get; } = buffer;

        public Task Task { get; set; } = Task.CompletedTask;

        public string? LastTradeId { get; init; }
    }
}
