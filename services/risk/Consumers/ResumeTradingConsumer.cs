using MassTransit;
using Trading.Contracts.Risk;
using Trading.Risk.Operator;

namespace Trading.Risk.Consumers;

/// <summary>
/// Lifts the kill switch and the drawdown halt for an operator's chat command and answers with the rules lifted
/// (queue <c>risk-resume-trading</c>). A repeated command id is carried out once.
/// </summary>
public sealed class ResumeTradingConsumer(RiskOperator op, TimeProvider timeProvider) : IConsumer<ResumeTrading>
{
    public async Task Consume(ConsumeContext<ResumeTrading> context)
    {
        var command = context.Message;
        var lifted = await op.ResumeOnceAsync(command.CommandId, command.Reason, command.Actor, context.CancellationToken);
        var summary = lifted switch
        {
            null => "This command was carried out before; nothing changed.",
            { Count: 0 } => "Nothing to lift: no kill switch or drawdown halt is active (a daily loss halt ends at UTC midnight by itself).",
            _ => $"Trading resumed; lifted: {string.Join(", ", lifted)}.",
        };
        await context.RespondAsync(new OperatorCommandResult
        {
            CommandId = command.CommandId,
            Applied = lifted is { Count: > 0 },
            Summary = summary,
            AnsweredAt = timeProvider.GetUtcNow(),
        });
    }
}
