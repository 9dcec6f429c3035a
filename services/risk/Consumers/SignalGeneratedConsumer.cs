using MassTransit;
using Trading.Contracts.Signals;
using Trading.Risk.Decisions;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Risk.Consumers;

/// <summary>Decides on each signal: approves it with a PlaceOrder to execution, or publishes SignalRejected (queue <c>risk-signal-generated</c>).</summary>
public sealed class SignalGeneratedConsumer(Outbox outbox, RiskEngine engine, RiskMetrics metrics) : IConsumer<SignalGenerated>
{
    public async Task Consume(ConsumeContext<SignalGenerated> context)
    {
        DecisionOutcome? result = null;
        await outbox.ConsumeOnceAsync<SignalGeneratedConsumer>(context, async tx => result = await engine.DecideAsync(context.Message, tx));
        if (result is not null)
        {
            metrics.Decided(result);
        }
    }
}
