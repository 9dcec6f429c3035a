using Trading.Contracts.Orders;
using Trading.Risk.Decisions;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>
/// The positions risk approved and what became of them. Each update moves a row forward only from the states it may
/// come from, so events arriving out of order across queues (a close before its fill) cannot move it back.
/// </summary>
public sealed class PositionStore
{
    /// <summary>Equity and open positions (pending included), as committed.</summary>
    public async Task<AccountSnapshot> AccountAsync(OutboxTransaction tx, decimal startingEquity)
    {
        var row = await tx.QuerySingleOrDefaultAsync<AccountRow>(
            """
            SELECT @startingEquity + coalesce(sum(realized_pnl) FILTER (WHERE status = 'closed'), 0) AS equity,
                   count(*) FILTER (WHERE status IN ('pending', 'open'))::int AS open_positions
            FROM positions
            """,
            new { startingEquity });
        return new AccountSnapshot(row!.Equity, row.OpenPositions);
    }

    public Task InsertPendingAsync(OutboxTransaction tx, PlaceOrder order) =>
        tx.ExecuteAsync(
            """
            INSERT INTO positions (signal_id, order_id, client_order_id, symbol, status, quantity, updated_at)
            VALUES (@SignalId, @OrderId, @ClientOrderId, @Symbol, 'pending', @Quantity, @UpdatedAt)
            ON CONFLICT DO NOTHING
            """,
            new { order.SignalId, order.OrderId, order.ClientOrderId, order.Symbol, order.Quantity, UpdatedAt = tx.Now.ToUniversalTime() });

    /// <summary>Marks a pending position open; false when there is no pending position for the signal.</summary>
    public async Task<bool> MarkOpenAsync(OutboxTransaction tx, Guid signalId) =>
        await tx.ExecuteAsync(
            "UPDATE positions SET status = 'open', updated_at = @now WHERE signal_id = @signalId AND status = 'pending'",
            new { signalId, now = tx.Now.ToUniversalTime() }) == 1;

    /// <summary>Marks a pending or open position closed with its result; false when there is none.</summary>
    public async Task<bool> MarkClosedAsync(OutboxTransaction tx, Guid signalId, decimal realizedPnl) =>
        await tx.ExecuteAsync(
            """
            UPDATE positions SET status = 'closed', realized_pnl = @realizedPnl, updated_at = @now
            WHERE signal_id = @signalId AND status IN ('pending', 'open')
            """,
            new { signalId, realizedPnl, now = tx.Now.ToUniversalTime() }) == 1;

    /// <summary>Marks a pending position rejected, which frees its slot; false when there is no pending position.</summary>
    public async Task<bool> MarkRejectedAsync(OutboxTransaction tx, Guid signalId) =>
        await tx.ExecuteAsync(
            "UPDATE positions SET status = 'rejected', updated_at = @now WHERE signal_id = @signalId AND status = 'pending'",
            new { signalId, now = tx.Now.ToUniversalTime() }) == 1;

    private sealed class AccountRow
    {
        public decimal Equity { get; set; }

        public int OpenPositions { get; set; }
    }
}
