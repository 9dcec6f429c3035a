using Trading.Contracts.Signals;
using Trading.Markets.Risk;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>Every decision risk made, one per signal, with the inputs it was made on.</summary>
public sealed class DecisionStore
{
    public async Task<bool> ExistsAsync(OutboxTransaction tx, Guid signalId) =>
        await tx.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM decisions WHERE signal_id = @signalId)",
            new { signalId });

    /// <param name="inputsJson">The request, account, limits and correlations the decision read, as JSON.</param>
    public Task InsertAsync(OutboxTransaction tx, SignalGenerated signal, decimal equity, int openPositions, RiskDecision decision, string inputsJson) =>
        tx.ExecuteAsync(
            """
            INSERT INTO decisions (signal_id, venue, symbol, strategy, interval, direction, entry, stop_loss, take_profit, signal_at,
                                   equity, open_positions, approved, quantity, notional, rule, reason, decided_at,
                                   backtest_win_rate, backtest_profit_factor, backtest_max_drawdown_pct, inputs)
            VALUES (@SignalId, @Venue, @Symbol, @Strategy, @Interval, @Direction, @Entry, @StopLoss, @TakeProfit, @SignalAt,
                    @Equity, @OpenPositions, @Approved, @Quantity, @Notional, @Rule, @Reason, @DecidedAt,
                    @BacktestWinRate, @BacktestProfitFactor, @BacktestMaxDrawdownPct, @Inputs::jsonb)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                signal.SignalId,
                signal.Venue,
                signal.Symbol,
                signal.Strategy,
                signal.Interval,
                Direction = signal.Direction.ToString(),
                signal.Entry,
                signal.StopLoss,
                signal.TakeProfit,
                signal.SignalAt,
                Equity = equity,
                OpenPositions = openPositions,
                decision.Approved,
                decision.Quantity,
                Notional = decision.Quantity * signal.Entry,
                decision.Rule,
                decision.Reason,
                DecidedAt = tx.Now.ToUniversalTime(),
                BacktestWinRate = signal.Backtest?.WinRate,
                BacktestProfitFactor = signal.Backtest?.ProfitFactor,
                BacktestMaxDrawdownPct = signal.Backtest?.MaxDrawdownPct,
                Inputs = inputsJson,
            });
}
