using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Persistence;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;

namespace Trading.Signal.Warming;

/// <summary>
/// Before a series is created, makes sure the candles it warms up from are stored: when fewer than
/// <see cref="SignalOptions.WarmUpCandles"/> are, it asks candle-builder for its newest candles and stores those opened before the
/// candle at hand. Runs outside the candle's transaction, so no transaction waits on the broker.
/// </summary>
public sealed class HistoryBackfill(
    SeriesRegistry registry,
    Outbox outbox,
    CandleStore candles,
    CandleHistoryClient history,
    IOptions<SignalOptions> options,
    ILogger<HistoryBackfill> logger)
{
    /// <summary>Stores missing warm-up history for the series of <paramref name="message"/>; true when it asked candle-builder.</summary>
    public async Task<bool> EnsureAsync(CandleClosed message, CancellationToken cancellationToken)
    {
        var key = SignalMapper.Series(message);
        var wanted = registry.WarmUpCandles;
        if (!options.Value.RequestHistory || wanted == 0 || registry.Contains(key))
        {
            return false;
        }

        var stored = 0;
        await outbox.ExecuteAsync(async tx => stored = await candles.CountBeforeAsync(tx, key, message.OpenedAt, wanted), cancellationToken);
        if (stored >= wanted)
        {
            return false;
        }

        // candle-builder answers with its newest candles, which may already include this one (and later ones): one more covers it.
        var count = Math.Min(wanted + 1, SignalOptions.MaxHistoryRequest);
        if (await history.LatestAsync(key, count, cancellationToken) is not { } answer)
        {
            return true;
        }

        var older = answer.Where(candle => candle.OpenedAt < message.OpenedAt).ToList();
        var added = 0;
        await outbox.ExecuteAsync(async tx => added = await candles.InsertHistoryAsync(tx, key, older), cancellationToken);
        Log.HistoryStored(logger, key.Venue, key.Symbol, key.Interval, answer.Count, added, stored);
        return true;
    }
}
