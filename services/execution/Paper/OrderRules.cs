using Trading.Contracts.Orders;

namespace Trading.Execution.Paper;

/// <summary>The checks an order must pass before it may wait for a fill.</summary>
public static class OrderRules
{
    /// <summary>Why the order cannot be placed, or null when it can.</summary>
    public static string? RejectionReason(PlaceOrder order)
    {
        if (order.Quantity <= 0)
        {
            return $"quantity must be positive, was {order.Quantity}";
        }

        if (order.Entry <= 0 || order.StopLoss <= 0 || order.TakeProfit <= 0)
        {
            return "entry, stop loss and take profit must be positive prices";
        }

        return order.Side switch
        {
            OrderSide.Buy when !(order.StopLoss < order.Entry && order.Entry < order.TakeProfit) =>
                $"a buy needs stop loss < entry < take profit, got stop {order.StopLoss}, entry {order.Entry}, target {order.TakeProfit}",
            OrderSide.Sell when !(order.TakeProfit < order.Entry && order.Entry < order.StopLoss) =>
                $"a sell needs take profit < entry < stop loss, got stop {order.StopLoss}, entry {order.Entry}, target {order.TakeProfit}",
            _ => null,
        };
    }
}
