using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Signal.Persistence;

/// <summary>Every signal the service has generated.</summary>
public sealed class SignalStore
{
    /// <summary>Stores the signal; false when a signal with this id was already stored.</summary>
    public async Task<bool> InsertAsync(OutboxTransaction tx, SignalGenerated signal)
    {
        var inserted = await tx.ExecuteAsync(
            """
            INSERT INTO signals (signal_id, strategy, venue, symbol, interval, direction, entry, stop_loss, take_profit,
                                 risk_reward, confidence, reason, signal_at, created_at)
            VALUES (@SignalId, @Strategy, @Venue, @Symbol, @Interval, @Direction, @Entry, @StopLoss, @TakeProfit,
                    @RiskReward, @Confidence, @Reason, @SignalAt, @CreatedAt)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                signal.SignalId,
                signal.Strategy,
                signal.Venue,
                signal.Symbol,
                signal.Interval,
                Direction = signal.Direction.ToString(),
                signal.Entry,
                signal.StopLoss,
                signal.TakeProfit,
                signal.RiskReward,
                signal.Confidence,
                signal.Reason,
                SignalAt = signal.SignalAt.ToUniversalTime(),
                CreatedAt = tx.Now.ToUniversalTime(),
            });
        return inserted == 1;
    }
}
