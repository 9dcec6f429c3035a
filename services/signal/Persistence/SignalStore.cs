using System.Text.Json;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Outbox;
using Trading.Signal.Backtests;

namespace Trading.Signal.Persistence;

/// <summary>Every signal the service has generated, published or held back by the live gate.</summary>
public sealed class SignalStore
{
    /// <summary>Stores the signal with the gate's decision; false when a signal with this id was already stored.</summary>
    public async Task<bool> InsertAsync(OutboxTransaction tx, SignalGenerated signal, GateDecision decision)
    {
        var inserted = await tx.ExecuteAsync(
            """
            INSERT INTO signals (signal_id, strategy, venue, symbol, interval, direction, entry, stop_loss, take_profit,
                                 risk_reward, confidence, reason, signal_at, created_at, published, suppressed_reason,
                                 regime, higher_timeframe, higher_timeframe_trend, macro_trend, backtest)
            VALUES (@SignalId, @Strategy, @Venue, @Symbol, @Interval, @Direction, @Entry, @StopLoss, @TakeProfit,
                    @RiskReward, @Confidence, @Reason, @SignalAt, @CreatedAt, @Published, @SuppressedReason,
                    @Regime, @HigherTimeframe, @HigherTimeframeTrend, @MacroTrend, @Backtest::jsonb)
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
                Published = decision.Publish,
                decision.SuppressedReason,
                signal.Regime,
                signal.HigherTimeframe,
                signal.HigherTimeframeTrend,
                signal.MacroTrend,
                Backtest = signal.Backtest is null ? null : JsonSerializer.Serialize(signal.Backtest, OutboxJson.Options),
            });
        return inserted == 1;
    }
}
