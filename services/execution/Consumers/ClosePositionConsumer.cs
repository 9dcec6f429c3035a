using System.Globalization;
using MassTransit;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Execution.Paper;
using Trading.ServiceDefaults.Outbox;

namespace Trading.Execution.Consumers;

/// <summary>
/// Queue <c>execution-close-position</c>: closes one open position at the latest market price, as a flatten closes each, and answers
/// with the outcome. A repeated command id is carried out once.
/// </summary>
public sealed class ClosePositionConsumer(Outbox outbox, PaperTrader trader, ExecutionMetrics metrics, TimeProvider timeProvider) : IConsumer<ClosePosition>
{
    public async Task Consume(ConsumeContext<ClosePosition> context)
    {
        var command = context.Message;
        IReadOnlyList<OpenPosition> matches = [];
        TradeOutcome? outcome = null;
        var first = await outbox.ExecuteOnceAsync(
            nameof(ClosePositionConsumer),
            command.CommandId,
            async tx => (matches, outcome) = await trader.CloseAsync(command.Position, command.Reason, tx),
            context.CancellationToken);
        if (outcome is not null)
        {
            metrics.Traded([outcome]);
        }

        await context.RespondAsync(new OperatorCommandResult
        {
            CommandId = command.CommandId,
            Applied = outcome is not null,
            Summary = first ? Describe(command.Position, matches, outcome) : "This command was carried out before; nothing changed.",
            AnsweredAt = timeProvider.GetUtcNow(),
        });
    }

    public static string Describe(string position, IReadOnlyList<OpenPosition> matches, TradeOutcome? outcome)
    {
        if (outcome is { Exits: [var exit, ..] })
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"Closed {exit.Position.Direction.ToString().ToLowerInvariant()} {exit.Position.Quantity} {exit.Position.Symbol} " +
                $"({exit.Position.PositionId.ToString("N")[..8]}) at {exit.Price}: P&L {exit.Result.NetPnl:0.00} ({exit.Result.RMultiple:0.00} R).");
        }

        return matches.Count switch
        {
            0 => $"No open position has an id starting with '{position}' (give at least {PaperTrader.MinimumIdPrefix} hex characters).",
            1 => $"Position {matches[0].PositionId.ToString("N")[..8]} stays open: no trade or quote of {matches[0].Symbol} is known yet.",
            _ => $"'{position}' matches {matches.Count} open positions ({string.Join(", ", matches.Select(m => m.PositionId.ToString("N")[..8]))}); give more of the id.",
        };
    }
}
