using MassTransit;
using Trading.Contracts.MarketData;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>Queue <c>execution-quote-updated</c>: best bid and ask, which fill pending orders and price half spreads and flattens.</summary>
public sealed class QuoteUpdatedConsumer(Outbox outbox, PaperTrader trader, ExecutionMetrics metrics) : IConsumer<QuoteUpdated>
{
    public async Task Consume(ConsumeContext<QuoteUpdated> context)
    {
        IReadOnlyList<TradeOutcome> outcomes = [];
        if (await outbox.ConsumeOnceAsync<QuoteUpdatedConsumer>(context, async tx => outcomes = await trader.ApplyQuoteAsync(context.Message, tx)))
        {
            metrics.Traded(outcomes);
        }
    }
}
