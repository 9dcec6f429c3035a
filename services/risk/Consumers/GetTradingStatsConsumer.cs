using MassTransit;
using Trading.Contracts.Risk;
using Trading.Risk.Operator;

namespace Trading.Risk.Consumers;

/// <summary>Answers <see cref="GetTradingStats"/> with the results of the closed positions (queue <c>risk-get-trading-stats</c>).</summary>
public sealed class GetTradingStatsConsumer(RiskOperator op) : IConsumer<GetTradingStats>
{
    public async Task Consume(ConsumeContext<GetTradingStats> context) =>
        await context.RespondAsync(await op.StatsAsync(context.CancellationToken));
}
