using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Trading.Notification.Persistence;

namespace Trading.Notification.Delivery;

/// <summary>One <see cref="ChannelSender"/> per configured channel, for the life of the service.</summary>
public sealed class DeliveryWorkers(
    ChannelCatalog channels,
    NpgsqlDataSource dataSource,
    DeliveryStore store,
    DeliverySignal signal,
    NotificationMetrics metrics,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(channels.All.Select(channel =>
            new ChannelSender(channel, dataSource, store, signal, metrics, time, loggers.CreateLogger<ChannelSender>()).RunAsync(stoppingToken)));
}
