using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.Risk.Decisions;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>Every decision risk made, one per signal.</summary>
public sealed class DecisionStore
{
    public async Task<bool> ExistsAsync(OutboxTransaction tx, Guid signalId) =>
        await tx.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM decisions WHERE signal_id = @signalId)",
            new { signalId });

    public Task InsertAsync(OutboxTransaction tx, SignalGenerated signal, AccountSnapshot account, RiskDecision decision) =>
        tx.ExecuteAsync(
            """
            INSERT INTO decisions (signal_id, symbol, direction, entry, stop_loss, take_profit, equity, open_positions,
                                   approved, quantity, rule, reason, decided_at)
            VALUES (@SignalId, @Symbol, @Direction, @Entry, @StopLoss, @TakeProfit, @Equity, @OpenPositions,
                    @Approved, @Quantity, @Rule, @Reason, @DecidedAt)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                signal.SignalId,
                signal.Symbol,
                Direction = signal.Direction.ToString(),
                signal.Entry,
                signal.StopLoss,
                signal.TakeProfit,
                account.Equity,
                account.OpenPositions,
                decision.Approved,
                decision.Quantity,
                decision.Rule,
                decision.Reason,
                DecidedAt = tx.Now.ToUniversalTime(),
            });
}
