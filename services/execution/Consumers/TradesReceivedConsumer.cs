using MassTransit;
using Trading.Contracts.MarketData;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>Queue <c>execution-trades-received</c>: market trades that fill pending orders and trigger exits.</summary>
public sealed class TradesReceivedConsumer(Outbox outbox, PaperTrader trader, ExecutionMetrics metrics) : IConsumer<TradesReceived>
{
    public async Task Consume(ConsumeContext<TradesReceived> context)
    {
        IReadOnlyList<TradeOutcome> outcomes = [];
        if (await outbox.ConsumeOnceAsync<TradesReceivedConsumer>(context, async tx => outcomes = await trader.ApplyAsync(context.Message, tx)))
        {
            metrics.Traded(outcomes);
        }
    }
}
