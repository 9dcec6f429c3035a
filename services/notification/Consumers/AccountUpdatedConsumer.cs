using MassTransit;
using Trading.Contracts.Risk;
using Trading.Notification.Persistence;

namespace Trading.Notification.Consumers;

/// <summary>Queue <c>notification-account-updated</c>: keeps the newest account figures for the status report (no message of its own).</summary>
public sealed class AccountUpdatedConsumer(StatsStore stats) : IConsumer<AccountUpdated>
{
    public Task Consume(ConsumeContext<AccountUpdated> context) => stats.SaveAccountAsync(context.Message, context.CancellationToken);
}
