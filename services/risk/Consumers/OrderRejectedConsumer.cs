using MassTransit;
using Trading.Contracts.Orders;
using Trading.Risk.Account;
using Trading.Risk.Decisions;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Consumers;

/// <summary>Frees the slot of an order execution rejected (queue <c>risk-order-rejected</c>).</summary>
public sealed class OrderRejectedConsumer(Outbox outbox, RiskEngine engine, RiskMetrics metrics) : IConsumer<OrderRejected>
{
    public async Task Consume(ConsumeContext<OrderRejected> context)
    {
        AccountView? result = null;
        await outbox.ConsumeOnceAsync<OrderRejectedConsumer>(context, async tx => result = await engine.RejectAsync(context.Message, tx));
        metrics.Committed(result);
    }
}
