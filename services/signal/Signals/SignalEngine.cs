using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.Contracts.Signals;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Backtests;
using Trading.Signal.Persistence;
using Trading.Signal.Strategies;

namespace Trading.Signal.Signals;

/// <summary>
/// Runs a closed candle through its series' strategies inside the consumer's transaction: stores the candle, and stores every
/// signal it raises, publishing those the live gate lets through; all of one candle's signals commit together.
/// </summary>
public sealed class SignalEngine(
    SeriesRegistry registry,
    CandleStore candles,
    SignalStore signals,
    BacktestRecordStore records,
    SignalMetrics metrics,
    IOptions<SignalOptions> options,
    ILogger<SignalEngine> logger)
{
    private readonly HashSet<string> _intervals = new(options.Value.ActiveIntervals(), StringComparer.Ordinal);
    private readonly bool _enforce = options.Value.Gate.Enforce;
    private readonly Dictionary<string, JsonObject> _liveParameters = options.Value.ActiveStrategies()
        .ToDictionary(name => name, name => StrategyCatalog.ParametersJson(name, options.Value.Parameters), StringComparer.Ordinal);

    /// <summary>True when the strategies run on candles of this interval code.</summary>
    public bool RunsOn(string interval) => _intervals.Contains(interval);

    public async Task<CandleResult> HandleAsync(CandleClosed message, OutboxTransaction tx)
    {
        if (!await candles.InsertAsync(tx, message))
        {
            Log.DuplicateCandle(logger, message.Venue, message.Symbol, message.Interval, message.OpenedAt);
            return CandleResult.Duplicate;
        }

        var key = SignalMapper.Series(message);
        var candle = SignalMapper.ToCandle(message);
        var series = await registry.GetOrCreateAsync(key, candle.OpenedAt, async (seriesKey, before, count) =>
        {
            var history = await candles.LoadHistoryAsync(tx, seriesKey, before, count);
            Log.WarmingUp(logger, seriesKey.Venue, seriesKey.Symbol, seriesKey.Interval, history.Count);
            return history;
        });

        if (!series.Accepts(candle))
        {
            Log.OutOfOrderCandle(logger, key.Venue, key.Symbol, key.Interval, candle.OpenedAt, series.LastOpenedAt);
            return CandleResult.OutOfOrder;
        }

        // A gap still goes to the strategies: skipping it would stall the series for good, since every later candle
        // lies beyond the gap too. Candle-builder emits flat candles for quiet intervals, so a gap means lost data.
        if (series.IsGapBefore(candle))
        {
            Log.CandleGap(logger, key.Venue, key.Symbol, key.Interval, series.LastClosedAt, candle.OpenedAt);
        }

        var raised = series.Update(candle);
        if (raised.Count == 0)
        {
            return CandleResult.NoSignal;
        }

        var published = new List<SignalGenerated>();
        var suppressed = new List<SignalGenerated>();
        foreach (var found in raised)
        {
            var record = await records.FindAsync(tx, found.Strategy, key.Symbol, key.Interval);
            var signal = SignalMapper.ToSignalGenerated(found, key, candle.OpenedAt, record);
            var decision = BacktestGate.Decide(signal.Strategy, signal.Symbol, signal.Interval, record, _enforce, _liveParameters[signal.Strategy]);
            if (!await signals.InsertAsync(tx, signal, decision))
            {
                Log.DuplicateSignal(logger, signal.SignalId, signal.Strategy, key.Venue, key.Symbol, key.Interval);
                continue;
            }

            if (decision.Publish)
            {
                await tx.PublishAsync(signal);
                Log.SignalGenerated(logger, signal.SignalId, signal.Strategy, key.Venue, key.Symbol, key.Interval,
                    signal.Direction, signal.Entry, signal.StopLoss, signal.TakeProfit, signal.Confidence);
                published.Add(signal);
            }
            else
            {
                Log.SignalSuppressed(logger, signal.SignalId, signal.Strategy, key.Venue, key.Symbol, key.Interval,
                    signal.Direction, decision.SuppressedReason ?? "");
                suppressed.Add(signal);
            }
        }

        return CandleResult.Signalled(published, suppressed);
    }

    /// <summary>Records the metrics of a committed candle.</summary>
    public void Committed(CandleClosed message, CandleResult result) => metrics.Record(message, result);

    /// <summary>
    /// Forgets the series of a candle whose transaction failed: its strategies may already have seen the candle, which the
    /// database has not, so the next candle rebuilds it from what was committed.
    /// </summary>
    public void Discard(CandleClosed message)
    {
        registry.Remove(SignalMapper.Series(message));
        Log.SeriesDiscarded(logger, message.Venue, message.Symbol, message.Interval, message.OpenedAt);
    }
}
