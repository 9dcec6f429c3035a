using MassTransit;
using Trading.Contracts.Orders;
using Trading.Risk.Account;
using Trading.Risk.Decisions;
using Trading.Risk.Persistence;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Consumers;

/// <summary>Books a closed position's result into equity and frees its slot (queue <c>risk-position-closed</c>).</summary>
public sealed class PositionClosedConsumer(Outbox outbox, RiskEngine engine, PositionStore positions, RiskMetrics metrics) : IConsumer<PositionClosed>
{
    public async Task Consume(ConsumeContext<PositionClosed> context)
    {
        AccountView? result = null;
        IReadOnlyList<StrategyResult>? strategies = null;
        await outbox.ConsumeOnceAsync<PositionClosedConsumer>(context, async tx =>
        {
            result = await engine.CloseAsync(context.Message, tx);
            strategies = await positions.ResultsByStrategyAsync(tx);
        });
        metrics.Committed(result);
        metrics.StrategiesCommitted(strategies);
    }
}
