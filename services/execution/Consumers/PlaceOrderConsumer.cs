using MassTransit;
using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>Queue <c>execution-place-order</c>: the orders risk approved.</summary>
public sealed class PlaceOrderConsumer(Outbox outbox, OrderDesk desk, PaperTrader trader, ExecutionMetrics metrics) : IConsumer<PlaceOrder>
{
    public async Task Consume(ConsumeContext<PlaceOrder> context)
    {
        var result = PlacementResult.Duplicate;
        IReadOnlyList<TradeOutcome> outcomes = [];
        var processed = await outbox.ConsumeOnceAsync<PlaceOrderConsumer>(context, async tx =>
        {
            result = await desk.PlaceAsync(context.Message, tx);
            if (result == PlacementResult.Accepted)
            {
                outcomes = await trader.CatchUpAsync(context.Message, tx);
            }
        });
        if (processed)
        {
            metrics.Placed(result);
            metrics.Traded(outcomes);
        }
    }
}
