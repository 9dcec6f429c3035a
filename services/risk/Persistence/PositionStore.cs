using Trading.Contracts.Orders;
using Trading.Markets.Risk;
using Trading.Markets.Strategies;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Persistence;

/// <summary>
/// The positions risk approved and what became of them. Each update moves a row forward only from the states it may
/// come from, so events arriving out of order across queues (a close before its fill) cannot move it back.
/// </summary>
public sealed class PositionStore
{
    /// <summary>Positions open or awaiting their fill, as the risk rules count them (notional at the fill price once filled).</summary>
    public async Task<IReadOnlyList<OpenPosition>> OpenAsync(OutboxTransaction tx) =>
        [.. (await tx.QueryAsync<OpenRow>(
            """
            SELECT symbol, direction, notional FROM positions
            WHERE status IN ('pending', 'open')
            ORDER BY updated_at, signal_id
            """)).Select(row => new OpenPosition
        {
            Symbol = row.Symbol,
            Direction = Enum.Parse<TradeDirection>(row.Direction),
            Notional = row.Notional,
        })];

    /// <summary>Net results of the latest closed positions, newest first, with the time risk booked each.</summary>
    public async Task<IReadOnlyList<(decimal Pnl, DateTimeOffset BookedAt)>> LatestResultsAsync(OutboxTransaction tx, int count) =>
        [.. (await tx.QueryAsync<ResultRow>(
            """
            SELECT realized_pnl, closed_booked_at FROM positions
            WHERE status = 'closed'
            ORDER BY closed_booked_at DESC, signal_id DESC
            LIMIT @count
            """,
            new { count })).Select(row => (row.RealizedPnl, new DateTimeOffset(row.ClosedBookedAt, TimeSpan.Zero)))];

    public Task InsertPendingAsync(OutboxTransaction tx, PlaceOrder order, TradeDirection direction) =>
        tx.ExecuteAsync(
            """
            INSERT INTO positions (signal_id, order_id, client_order_id, venue, symbol, direction, status, quantity, entry, notional, updated_at)
            VALUES (@SignalId, @OrderId, @ClientOrderId, @Venue, @Symbol, @Direction, 'pending', @Quantity, @Entry, @Notional, @UpdatedAt)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                order.SignalId,
                order.OrderId,
                order.ClientOrderId,
                order.Venue,
                order.Symbol,
                Direction = direction.ToString(),
                order.Quantity,
                order.Entry,
                Notional = Math.Round(order.Quantity * order.Entry, LedgerStore.Decimals),
                UpdatedAt = tx.Now.ToUniversalTime(),
            });

    /// <summary>Marks a pending position open at its fill; false when there is no pending position for the signal.</summary>
    public async Task<bool> MarkOpenAsync(OutboxTransaction tx, OrderFilled fill) =>
        await tx.ExecuteAsync(
            """
            UPDATE positions
            SET status = 'open', entry = @Price, quantity = @Quantity, notional = @Notional, opened_at = @FilledAt, updated_at = @now
            WHERE signal_id = @SignalId AND status = 'pending'
            """,
            new
            {
                fill.SignalId,
                fill.Price,
                fill.Quantity,
                Notional = Math.Round(fill.Price * fill.Quantity, LedgerStore.Decimals),
                fill.FilledAt,
                now = tx.Now.ToUniversalTime(),
            }) == 1;

    /// <summary>Marks a pending or open position closed with its result; false when there is none.</summary>
    public async Task<bool> MarkClosedAsync(OutboxTransaction tx, PositionClosed closed) =>
        await tx.ExecuteAsync(
            """
            UPDATE positions
            SET status = 'closed', realized_pnl = @RealizedPnl, r_multiple = @RMultiple, exit_reason = @ExitReason,
                opened_at = coalesce(opened_at, @OpenedAt), closed_at = @ClosedAt, closed_booked_at = @now, updated_at = @now
            WHERE signal_id = @SignalId AND status IN ('pending', 'open')
            """,
            new
            {
                closed.SignalId,

                // Rounded: sums of full-precision results would not fit a decimal when read back.
                RealizedPnl = Math.Round(closed.RealizedPnl, LedgerStore.Decimals),
                RMultiple = Math.Round(closed.RMultiple, LedgerStore.Decimals),
                ExitReason = closed.ExitReason.ToString(),
                closed.OpenedAt,
                closed.ClosedAt,
                now = tx.Now.ToUniversalTime(),
            }) == 1;

    /// <summary>Marks a pending position rejected, which frees its slot; false when there is no pending position.</summary>
    public async Task<bool> MarkRejectedAsync(OutboxTransaction tx, Guid signalId) =>
        await tx.ExecuteAsync(
            "UPDATE positions SET status = 'rejected', updated_at = @now WHERE signal_id = @signalId AND status = 'pending'",
            new { signalId, now = tx.Now.ToUniversalTime() }) == 1;

    /// <summary>Net results of the closed positions of one strategy, symbol and interval, oldest first.</summary>
    public async Task<IReadOnlyList<decimal>> ResultsOfAsync(OutboxTransaction tx, string strategy, string symbol, string interval) =>
        [.. await tx.QueryAsync<decimal>(
            """
            SELECT p.realized_pnl FROM positions p
            JOIN decisions d ON d.signal_id = p.signal_id
            WHERE p.status = 'closed' AND d.strategy = @strategy AND d.symbol = @symbol AND d.interval = @interval
            ORDER BY p.closed_booked_at, p.signal_id
            """,
            new { strategy, symbol, interval })];

    /// <summary>Wins, losses and gross amounts of the closed positions per strategy. A result of exactly zero counts as a loss.</summary>
    public async Task<IReadOnlyList<StrategyResult>> ResultsByStrategyAsync(OutboxTransaction tx) =>
        [.. await tx.QueryAsync<StrategyResult>(
            """
            SELECT d.strategy,
                   count(*) FILTER (WHERE p.realized_pnl > 0) AS wins,
                   count(*) FILTER (WHERE p.realized_pnl <= 0) AS losses,
                   coalesce(sum(p.realized_pnl) FILTER (WHERE p.realized_pnl > 0), 0) AS gross_profit,
                   coalesce(-sum(p.realized_pnl) FILTER (WHERE p.realized_pnl <= 0), 0) AS gross_loss
            FROM positions p
            JOIN decisions d ON d.signal_id = p.signal_id
            WHERE p.status = 'closed' AND d.strategy IS NOT NULL
            GROUP BY d.strategy
            ORDER BY d.strategy
            """)];

    private sealed class OpenRow
    {
        public string Symbol { get; set; } = "";

        public string Direction { get; set; } = "";

        public decimal Notional { get; set; }
    }

    private sealed class ResultRow
    {
        public decimal RealizedPnl { get; set; }

        public DateTime ClosedBookedAt { get; set; }
    }
}
