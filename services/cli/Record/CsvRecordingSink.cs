using Trading.Cli.Download;
using Trading.Contracts.MarketData;
using Trading.MarketData.Exchange;
using Trading.MarketData.Live;

namespace Trading.Cli.Record;

/// <summary>
/// The <see cref="IMarketDataSink"/> of <c>trading record</c>: writes each symbol's trades, 1-minute candles and gaps
/// through a <see cref="SymbolRecorder"/> and reports status changes and gaps as lines. A file error does not throw
/// into the feed (a connection would take it for a network failure and reconnect forever): it is kept in
/// <see cref="Failure"/>, the sink ignores everything after it, and <paramref name="stop"/> is cancelled.
/// </summary>
public sealed class CsvRecordingSink : IMarketDataSink, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SymbolRecorder> _recorders = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly Action<string> _report;
    private readonly CancellationTokenSource _stop;

    // Symbols whose trades missed in an interruption (starting at the value) are being fetched over REST; the feed holds
    // their stream until then, so their next trades or their gap report settle it.
    private readonly Dictionary<string, DateTimeOffset> _awaitingBackfill = new(StringComparer.Ordinal);
    private DateTimeOffset? _interruptedAt;

    public CsvRecordingSink(RecordRequest request, TimeProvider timeProvider, Action<string> report, CancellationTokenSource stop)
    {
        _timeProvider = timeProvider;
        _report = report;
        _stop = stop;
        foreach (var symbol in request.Symbols)
        {
            _recorders[symbol] = new SymbolRecorder(request.Directory, request.Venue, symbol, report);
        }
    }

    /// <summary>The file error that stopped the recording, or null.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>When the feed first went live; null if it never did.</summary>
    public DateTimeOffset? LiveSince { get; private set; }

    public FeedStatus? Status { get; private set; }

    public string? StatusReason { get; private set; }

    public ValueTask PublishTradesAsync(
        string venue, string symbol, IReadOnlyList<VenueTrade> trades, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        Guarded(() =>
        {
            if (_recorders.TryGetValue(symbol, out var recorder))
            {
                _awaitingBackfill.Remove(symbol);
                recorder.AddTrades(trades);
            }
        });
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishQuoteAsync(string venue, string symbol, VenueQuote quote, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;

    public ValueTask PublishStatusAsync(string venue, FeedStatus status, string reason, CancellationToken cancellationToken)
    {
        var now = _timeProvider.GetUtcNow();
        Guarded(() =>
        {
            Status = status;
            StatusReason = reason;
            if (status == FeedStatus.Live)
            {
                if (_interruptedAt is { } interruptedAt)
                {
                    Recovered(venue, interruptedAt, now);
                }

                if (LiveSince is null)
                {
                    LiveSince = now;
                    foreach (var recorder in _recorders.Values)
                    {
                        recorder.CoveredFrom = now;
                    }
                }
            }
            else if (status is FeedStatus.Down or FeedStatus.Stale && LiveSince is not null)
            {
                _interruptedAt ??= now;
            }
        });
        _report($"{CandleCsvFile.FormatTime(now)} {venue} {status}: {reason}");
        return ValueTask.CompletedTask;
    }

    public ValueTask ReportGapAsync(
        string venue, string symbol, DateTimeOffset from, DateTimeOffset to, string reason, CancellationToken cancellationToken)
    {
        var gapsFile = "the gaps file";
        Guarded(() =>
        {
            if (_recorders.TryGetValue(symbol, out var recorder))
            {
                _awaitingBackfill.Remove(symbol);
                recorder.RecordGap(from, to, reason);
                gapsFile = recorder.GapsPath;
            }
        });
        _report(
            $"gap: {symbol} on {venue}: no trades could be fetched from {RecordFiles.FormatTradeTime(from)} to {RecordFiles.FormatTradeTime(to)} " +
            $"({reason}); recorded in {gapsFile}, and no 1m candle of those minutes is written");
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Recording stopped at <paramref name="stoppedAt"/>: writes each symbol's last candle if its minute ended while the
    /// feed was live, records the time after an interruption the feed had not recovered from as a gap, and flushes.
    /// </summary>
    public void Complete(DateTimeOffset stoppedAt)
    {
        Guarded(() =>
        {
            foreach (var recorder in _recorders.Values)
            {
                string? reason = null;
                DateTimeOffset? cutAt = null;
                if (_awaitingBackfill.TryGetValue(recorder.Symbol, out var awaitedSince))
                {
                    cutAt = awaitedSince;
                    reason = "recording stopped before the trades missed in the interruption had been fetched over REST; trades from then on may be missing";
                }
                else if (_interruptedAt is { } at)
                {
                    cutAt = at;
                    reason = $"recording stopped while the feed was {Status} ({StatusReason}); trades after the interruption were not received";
                }

                if (cutAt is { } from)
                {
                    RecordGap(recorder, from, stoppedAt, reason!);
                }

                recorder.Complete(cutAt ?? stoppedAt);
            }
        });
    }

    public IReadOnlyList<SymbolProgress> Snapshot()
    {
        lock (_lock)
        {
            return [.. _recorders.Values.Select(r => new SymbolProgress
            {
                Symbol = r.Symbol,
                Trades = r.TradesWritten,
                Candles = r.CandlesWritten,
                Gaps = r.GapsRecorded,
                LastPrice = r.LastPrice,
                LastTradeAt = r.LastTradeAt,
                Status = Status,
            })];
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var recorder in _recorders.Values)
            {
                try
                {
                    recorder.Dispose();
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Failure ??= exception;
                }
            }
        }
    }

    // Live again after an interruption: the feed now backfills each symbol from its last trade. A symbol without a trade
    // yet has nothing to backfill from, so the interruption is a gap of its own.
    private void Recovered(string venue, DateTimeOffset interruptedAt, DateTimeOffset now)
    {
        _interruptedAt = null;
        foreach (var recorder in _recorders.Values)
        {
            if (recorder.LastTradeAt is null)
            {
                RecordGap(
                    recorder,
                    interruptedAt,
                    now,
                    $"{venue} was interrupted before any trade of {recorder.Symbol} was recorded, so the trades it missed could not be fetched");
            }
            else
            {
                _awaitingBackfill.TryAdd(recorder.Symbol, interruptedAt);
            }
        }
    }

    private void RecordGap(SymbolRecorder recorder, DateTimeOffset from, DateTimeOffset to, string reason)
    {
        recorder.RecordGap(from, to, reason);
        _report($"gap: {recorder.Symbol}: {reason}; from {RecordFiles.FormatTradeTime(from)} to {RecordFiles.FormatTradeTime(to)}, recorded in {recorder.GapsPath}");
    }

    private void Guarded(Action action)
    {
        lock (_lock)
        {
            if (Failure is not null)
            {
                return;
            }

            try
            {
                action();
                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or RecordFileException)
            {
                Failure = exception;
            }
        }

        // Outside the lock: cancelling runs the feed's callbacks, which may call back into this sink.
        _stop.Cancel();
    }
}
