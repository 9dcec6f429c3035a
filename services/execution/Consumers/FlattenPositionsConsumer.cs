using MassTransit;
using Trading.Contracts.Orders;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>Queue <c>execution-flatten-positions</c>: close every open position (or one symbol's) at the latest market price.</summary>
public sealed class FlattenPositionsConsumer(Outbox outbox, PaperTrader trader, ExecutionMetrics metrics) : IConsumer<FlattenPositions>
{
    public async Task Consume(ConsumeContext<FlattenPositions> context)
    {
        IReadOnlyList<TradeOutcome> outcomes = [];
        if (await outbox.ConsumeOnceAsync<FlattenPositionsConsumer>(context, async tx =>
                outcomes = await trader.FlattenAsync(context.Message.Symbol, context.Message.Reason, tx)))
        {
            metrics.Traded(outcomes);
        }
    }
}
