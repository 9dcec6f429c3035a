using MassTransit;
using Trading.Contracts.Risk;
using Trading.Risk.Operator;

namespace Trading.Risk.Consumers;

/// <summary>
/// Engages the kill switch for an operator's chat command and answers with the outcome (queue <c>risk-engage-kill-switch</c>). A repeated
/// command id is carried out once; the repeat is answered without changing anything.
/// </summary>
public sealed class EngageKillSwitchConsumer(RiskOperator op, TimeProvider timeProvider) : IConsumer<EngageKillSwitch>
{
    public async Task Consume(ConsumeContext<EngageKillSwitch> context)
    {
        var command = context.Message;
        var engaged = await op.KillOnceAsync(command.CommandId, command.Reason, command.Actor, command.Flatten, context.CancellationToken);
        var summary = engaged switch
        {
            null => "This command was carried out before; nothing changed.",
            true => command.Flatten
                ? "Kill switch engaged: new signals are rejected, and every open position is being closed."
                : "Kill switch engaged: new signals are rejected until /resume.",
            false => "The kill switch was already engaged.",
        };
        await context.RespondAsync(new OperatorCommandResult
        {
            CommandId = command.CommandId,
            Applied = engaged == true,
            Summary = summary,
            AnsweredAt = timeProvider.GetUtcNow(),
        });
    }
}
