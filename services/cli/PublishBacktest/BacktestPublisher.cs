using MassTransit;
using Trading.Contracts.Signals;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Cli.PublishBacktest;

/// <summary>Publishes backtest records to the platform's broker with publisher confirms, then disconnects.</summary>
public static class BacktestPublisher
{
    /// <summary>How long connecting to the broker may take before the command gives up.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task PublishAsync(RabbitMqAddress address, IReadOnlyList<BacktestRecorded> records, CancellationToken cancellationToken)
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
                host.PublisherConfirmation = true;
                if (address.UseTls)
                {
                    host.UseSsl(ssl => ssl.ServerName = address.Host);
                }
            });
            MessagingRegistration.ConfigureTopology(rabbit);
        });

        using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        connect.CancelAfter(ConnectTimeout);
        await bus.StartAsync(connect.Token);
        try
        {
            foreach (var record in records)
            {
                await bus.Publish(record, cancellationToken);
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}
