using System.Diagnostics;
using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Persistence;

/// <summary>The <c>orders</c> table.</summary>
public sealed class OrderStore
{
    /// <summary>
    /// Inserts the order as pending, or as rejected with <paramref name="rejectReason"/>. Returns false when an order
    /// with the same client order id already exists (a redelivered or duplicated command): nothing changes then.
    /// </summary>
    public async Task<bool> InsertAsync(OutboxTransaction tx, PlaceOrder order, string? rejectReason)
    {
        var inserted = await tx.ExecuteAsync(
            """
            INSERT INTO orders (order_id, client_order_id, signal_id, venue, symbol, side, quantity, entry, stop_loss,
                                take_profit, signal_at, status, reject_reason, created_at, trace_parent)
            VALUES (@OrderId, @ClientOrderId, @SignalId, @Venue, @Symbol, @Side, @Quantity, @Entry, @StopLoss,
                    @TakeProfit, @SignalAt, @Status, @RejectReason, @CreatedAt, @TraceParent)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            new
            {
                order.OrderId,
                order.ClientOrderId,
                order.SignalId,
                order.Venue,
                order.Symbol,
                Side = SideText(order.Side),
                order.Quantity,
                order.Entry,
                order.StopLoss,
                order.TakeProfit,
                order.SignalAt,
                Status = rejectReason is null ? "pending" : "rejected",
                RejectReason = rejectReason,
                CreatedAt = tx.Now,
                TraceParent = Activity.Current?.Id,
            });
        return inserted == 1;
    }

    /// <summary>Whether another live (not rejected) order already exists for the signal.</summary>
    public Task<bool> SignalHasOtherOrderAsync(OutboxTransaction tx, PlaceOrder order) =>
        tx.ExecuteScalarAsync<bool>(
            """
            SELECT EXISTS (
                SELECT 1 FROM orders
                WHERE signal_id = @SignalId AND client_order_id <> @ClientOrderId AND status <> 'rejected')
            """,
            new { order.SignalId, order.ClientOrderId });

    public async Task<IReadOnlyList<PendingOrder>> PendingAsync(OutboxTransaction tx, string venue, string symbol) =>
        [.. await tx.QueryAsync<PendingOrder>(
            """
            SELECT order_id, client_order_id, signal_id, venue, symbol, side, quantity, entry, stop_loss, take_profit, signal_at, trace_parent
            FROM orders
            WHERE venue = @venue AND symbol = @symbol AND status = 'pending'
            ORDER BY signal_at, created_at, order_id
            """,
            new { venue, symbol })];

    public Task<long> CountPendingAsync(OutboxTransaction tx) =>
        tx.ExecuteScalarAsync<long>("SELECT count(*) FROM orders WHERE status = 'pending'");

    public async Task MarkFilledAsync(OutboxTransaction tx, EntryFill fill)
    {
        var updated = await tx.ExecuteAsync(
            """
            UPDATE orders SET status = 'filled', fill_price = @Price, fee = @Fee, filled_at = @FilledAt
            WHERE order_id = @OrderId AND status = 'pending'
            """,
            new { fill.Order.OrderId, fill.Price, fill.Fee, fill.FilledAt });
        if (updated != 1)
        {
            throw new InvalidOperationException($"Order {fill.Order.OrderId} was no longer pending when it filled");
        }
    }

    private static string SideText(OrderSide side) => side == OrderSide.Buy ? "buy" : "sell";
}
