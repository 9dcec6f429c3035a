using MassTransit;
using Trading.Contracts.Orders;
using Trading.Risk.Account;
using Trading.Risk.Decisions;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Consumers;

/// <summary>Marks a position open when its opening order fills (queue <c>risk-order-filled</c>).</summary>
public sealed class OrderFilledConsumer(Outbox outbox, RiskEngine engine, RiskMetrics metrics) : IConsumer<OrderFilled>
{
    public async Task Consume(ConsumeContext<OrderFilled> context)
    {
        AccountView? result = null;
        await outbox.ConsumeOnceAsync<OrderFilledConsumer>(context, async tx => result = await engine.FillAsync(context.Message, tx));
        metrics.Committed(result);
    }
}
