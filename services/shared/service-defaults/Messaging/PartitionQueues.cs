using MassTransit.RabbitMqTransport;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// The broker names of one service's partitioned stream of <typeparamref name="TMessage"/>: a topic exchange
/// <c>&lt;service&gt;-&lt;stream&gt;-partitions</c> bound to the message's fanout exchange, and one queue per partition,
/// <c>&lt;service&gt;-&lt;stream&gt;-partition-00</c> … <c>-15</c>, bound to it by the partition's routing key. The message is
/// published with its partition as routing key (see <see cref="MessagingRegistration.ConfigureTopology"/>), and the fanout exchange
/// passes the key on, so other subscribers of the message still get every one.
/// </summary>
/// <remarks>The names are part of the broker's state: a service must never change its <see cref="Service"/> or <see cref="Stream"/>.</remarks>
public sealed class PartitionQueues<TMessage>
    where TMessage : class
{
    /// <param name="service">The consuming service's name, the prefix of every name (<c>candle-builder</c>).</param>
    /// <param name="stream">The stream's name in kebab case (<c>trade</c>).</param>
    public PartitionQueues(string service, string stream)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(stream);
        Service = service;
        Stream = stream;
    }

    public string Service { get; }

    /// <summary>The stream's name, also used in logs ("consumes trade partitions 0,2,…").</summary>
    public string Stream { get; }

    /// <summary>The topic exchange that sorts the messages into partition queues by routing key.</summary>
    public string Exchange => $"{Service}-{Stream}-partitions";

    /// <summary>The fanout exchange MassTransit publishes <typeparamref name="TMessage"/> to (<c>Namespace:Type</c>).</summary>
    public string MessageExchange { get; } = new RabbitMqMessageNameFormatter().GetMessageName(typeof(TMessage)).ToString();

    /// <summary>Every partition, for declaring the topology.</summary>
    public static IEnumerable<int> All => Enumerable.Range(0, TradePartitions.Count);

    /// <summary>The queue of one partition, for example <c>candle-builder-trade-partition-07</c>.</summary>
    public string Queue(int partition)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(partition, TradePartitions.Count);
        return $"{Service}-{Stream}-partition-{partition:00}";
    }
}
