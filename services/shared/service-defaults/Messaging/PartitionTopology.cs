using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using Trading.ServiceDefaults.Configuration;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// Declares every partition queue of a stream and its binding before the bus starts, including the queues of partitions other
/// instances own. Otherwise a message published while no owner had ever run would match no binding and be dropped; with the
/// queues in place it waits for its owner. MassTransit declares the same queues again with the same arguments when it consumes them.
/// It also logs which partitions this instance consumes.
/// </summary>
public sealed partial class PartitionTopology<TMessage>(
    PartitionQueues<TMessage> queues,
    PartitionOwnership ownership,
    IConfiguration configuration,
    ILogger<PartitionTopology<TMessage>> logger) : IHostedService
    where TMessage : class
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int Attempts = 30;

    /// <summary>The queue arguments MassTransit uses for a single-active-consumer endpoint; a mismatch would fail its declaration.</summary>
    public static IDictionary<string, object?> QueueArguments => new Dictionary<string, object?> { ["x-single-active-consumer"] = true };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        LogPartitionsOwned(logger, ownership.Instance, ownership.Instances, queues.Stream, string.Join(",", ownership.Partitions));
        var key = $"ConnectionStrings:{ResourceNames.RabbitMq}";
        var address = RabbitMqAddress.Parse(RequiredConnectionString.Get(configuration, ResourceNames.RabbitMq), key);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeclareAsync(address, cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < Attempts)
            {
                LogTopologyFailed(logger, ex, queues.Stream, attempt, Attempts);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task DeclareAsync(RabbitMqAddress address, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.Username,
            Password = address.Password,
            ClientProvidedName = $"{queues.Service}-{queues.Stream}-topology",
        };
        if (address.UseTls)
        {
            factory.Ssl = new SslOption(address.Host) { Enabled = true };
        }

        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(queues.MessageExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(queues.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(queues.Exchange, queues.MessageExchange, "", cancellationToken: cancellationToken);
        foreach (var partition in PartitionQueues<TMessage>.All)
        {
            var queue = queues.Queue(partition);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueArguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, queues.Exchange, TradePartitions.RoutingKey(partition), cancellationToken: cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Instance {Instance} of {Instances} consumes {Stream} partitions {Partitions}")]
    private static partial void LogPartitionsOwned(ILogger logger, int instance, int instances, string stream, string partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring the {Stream} partition queues failed (attempt {Attempt} of {Attempts}); retrying")]
    private static partial void LogTopologyFailed(ILogger logger, Exception exception, string stream, int attempt, int attempts);
}
