using MassTransit;
using Trading.Contracts.Orders;
using Trading.Contracts.Risk;
using Trading.Notification.Transports;
using Trading.ServiceDefaults;

namespace Trading.Notification.Telegram;

/// <summary>
/// Turns a command into a request to the service that owns the answer (risk: status, stats, kill switch, resume; execution: positions,
/// close) and the answer into the reply text. Commands that change something carry a command id derived from the channel and the
/// update id, so an update handled again after a restart is carried out once by its owner.
/// </summary>
public sealed class TelegramCommandHandler(IBus bus, TimeProvider timeProvider)
{
    // The owners' queues are single-active-consumer (hot standby); a sender must declare them with the same argument.
    public const string KillSwitchQueue = "risk-engage-kill-switch?singleactiveconsumer=true";
    public const string ResumeQueue = "risk-resume-trading?singleactiveconsumer=true";
    public const string StatusQueue = "risk-get-trading-status?singleactiveconsumer=true";
    public const string StatsQueue = "risk-get-trading-stats?singleactiveconsumer=true";
    public const string PositionsQueue = "execution-get-open-positions?singleactiveconsumer=true";
    public const string CloseQueue = "execution-close-position?singleactiveconsumer=true";

    /// <summary>How long a reply waits for the owner.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(15);

    public static Guid CommandIdOf(string channel, long updateId) => DeterministicGuid.Create($"telegram-command|{channel}|{updateId}");

    public async Task<string> ReplyAsync(TelegramCommand command, TelegramCommandSettings settings, TelegramUpdate update, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var commandId = CommandIdOf(settings.Channel, update.UpdateId);
        var actor = update.FromUsername is { Length: > 0 } user ? $"telegram:{settings.Channel} (@{user})" : $"telegram:{settings.Channel}";
        var reason = command.Arguments.Length > 0 ? command.Arguments : $"/{command.Name} from Telegram";
        switch (command.Name)
        {
            case TelegramCommands.Help or TelegramCommands.Start:
                return TelegramCommands.HelpText();
            case TelegramCommands.Status:
                return await AskAsync<GetTradingStatus, TradingStatus>(StatusQueue, "risk", new GetTradingStatus { RequestedAt = now }, TelegramReplies.Status, false, cancellationToken);
            case TelegramCommands.Stats:
                return await AskAsync<GetTradingStats, TradingStats>(StatsQueue, "risk", new GetTradingStats { RequestedAt = now }, TelegramReplies.Stats, false, cancellationToken);
            case TelegramCommands.Positions:
                return await AskAsync<GetOpenPositions, OpenPositionsList>(PositionsQueue, "execution", new GetOpenPositions { RequestedAt = now }, TelegramReplies.Positions, false, cancellationToken);
            case TelegramCommands.Stop:
                return await AskAsync<EngageKillSwitch, OperatorCommandResult>(KillSwitchQueue, "risk",
                    new EngageKillSwitch { CommandId = commandId, Reason = reason, Actor = actor, RequestedAt = now }, TelegramReplies.Result, true, cancellationToken);
            case TelegramCommands.Resume:
                return await AskAsync<ResumeTrading, OperatorCommandResult>(ResumeQueue, "risk",
                    new ResumeTrading { CommandId = commandId, Reason = reason, Actor = actor, RequestedAt = now }, TelegramReplies.Result, true, cancellationToken);
            case TelegramCommands.Close:
                var parts = command.Arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (parts.Length == 0)
                {
                    return TelegramReplies.CloseWithoutId();
                }

                var closeReason = parts.Length > 1 ? parts[1] : $"/close from Telegram by {actor}";
                return await AskAsync<ClosePosition, OperatorCommandResult>(CloseQueue, "execution",
                    new ClosePosition { CommandId = commandId, Position = parts[0], Reason = closeReason, RequestedAt = now }, TelegramReplies.Result, true, cancellationToken);
            default:
                return TelegramReplies.Unknown(command.Name);
        }
    }

    private async Task<string> AskAsync<TRequest, TResponse>(
        string queue, string owner, TRequest request, Func<TResponse, string> format, bool isCommand, CancellationToken cancellationToken)
        where TRequest : class
        where TResponse : class
    {
        var client = bus.CreateRequestClient<TRequest>(new Uri("queue:" + queue), RequestTimeout.After(ms: (int)AnswerTimeout.TotalMilliseconds));
        try
        {
            var response = await client.GetResponse<TResponse>(request, cancellationToken);
            return format(response.Message);
        }
        catch (RequestTimeoutException)
        {
            return TelegramReplies.NoAnswer(owner, AnswerTimeout, isCommand);
        }
        catch (RequestFaultException ex)
        {
            return TelegramReplies.Failed(owner, ex.Fault?.Exceptions.FirstOrDefault()?.Message ?? ex.Message);
        }
    }
}
