using Microsoft.Extensions.Logging;
using Trading.Contracts.Orders;
using Trading.Execution.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Paper;

/// <summary>Accepts or rejects the orders risk sends; accepted orders wait for a market trade to fill them.</summary>
public sealed class OrderDesk(OrderStore orders, ILogger<OrderDesk> logger)
{
    public async Task<PlacementResult> PlaceAsync(PlaceOrder order, OutboxTransaction tx)
    {
        await ExecutionLock.AcquireAsync(tx);
        var reason = OrderRules.RejectionReason(order);
        if (reason is null && await orders.SignalHasOtherOrderAsync(tx, order))
        {
            reason = $"signal {order.SignalId} already has an order";
        }

        if (!await orders.InsertAsync(tx, order, reason))
        {
            Log.DuplicateOrderIgnored(logger, order.ClientOrderId, order.OrderId, order.Symbol);
            return PlacementResult.Duplicate;
        }

        if (reason is not null)
        {
            await tx.PublishAsync(FillMessages.Rejected(order, reason, tx.Now));
            Log.OrderRejected(logger, order.OrderId, order.ClientOrderId, order.Symbol, reason);
            return PlacementResult.Rejected;
        }

        Log.OrderAccepted(logger, order.OrderId, order.ClientOrderId, order.Venue, order.Symbol, order.Side, order.Quantity);
        return PlacementResult.Accepted;
    }
}
