using RabbitMQ.Client;
using Trading.ServiceDefaults;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder.Partitioning;

/// <summary>
/// Declares every partition queue and its binding before the bus starts, including the queues of partitions other instances
/// own. Otherwise a batch published while no owner had ever run would match no binding and be dropped; with the queues in place
/// it waits for its owner. MassTransit declares the same queues again with the same arguments when it consumes them.
/// </summary>
public sealed class TradePartitionTopology(IConfiguration configuration, ILogger<TradePartitionTopology> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private const int Attempts = 30;

    /// <summary>The queue arguments MassTransit uses for a single-active-consumer endpoint; a mismatch would fail its declaration.</summary>
    public static IDictionary<string, object?> QueueArguments => new Dictionary<string, object?> { ["x-single-active-consumer"] = true };

    public async Task StartAsync(CancellationToken cancellationToken)
    {
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
                Log.PartitionTopologyFailed(logger, ex, attempt, Attempts);
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task DeclareAsync(RabbitMqAddress address, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = address.Host,
            Port = address.Port,
            VirtualHost = address.VirtualHost,
            UserName = address.Username,
            Password = address.Password,
            ClientProvidedName = "candle-builder-topology",
        };
        if (address.UseTls)
        {
            factory.Ssl = new SslOption(address.Host) { Enabled = true };
        }

        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(TradePartitionQueues.MessageExchange, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeDeclareAsync(TradePartitionQueues.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await channel.ExchangeBindAsync(TradePartitionQueues.Exchange, TradePartitionQueues.MessageExchange, "", cancellationToken: cancellationToken);
        foreach (var partition in TradePartitionQueues.All)
        {
            var queue = TradePartitionQueues.Queue(partition);
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, QueueArguments, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(queue, TradePartitionQueues.Exchange, TradePartitions.RoutingKey(partition), cancellationToken: cancellationToken);
        }
    }
}
