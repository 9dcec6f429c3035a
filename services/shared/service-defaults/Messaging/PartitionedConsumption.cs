using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// How a stateful service consumes a partitioned stream: the topology is declared before the bus starts, and the instance consumes
/// only the partition queues its <see cref="PartitionOwnership"/> (a singleton the service registers) names, each as the single
/// active consumer with one message at a time, so each market's messages are applied in the order they were published.
/// </summary>
public static class PartitionedConsumption
{
    /// <summary>Declares the stream's exchanges and queues at start; call before <see cref="MessagingRegistration.AddMessaging"/>.</summary>
    public static IServiceCollection AddPartitionTopology<TMessage>(this IServiceCollection services, PartitionQueues<TMessage> queues)
        where TMessage : class
    {
        services.AddSingleton(queues);
        services.AddHostedService<PartitionTopology<TMessage>>();
        return services;
    }

    /// <summary>
    /// One receive endpoint per owned partition queue, consumed by <typeparamref name="TConsumer"/>; register the consumer with
    /// <c>ExcludeFromConfigureEndpoints()</c> so it gets no queue of its own.
    /// </summary>
    public static void ReceivePartitions<TMessage, TConsumer>(
        this IRabbitMqBusFactoryConfigurator rabbit, IBusRegistrationContext context, PartitionQueues<TMessage> queues)
        where TMessage : class
        where TConsumer : class, IConsumer<TMessage>
    {
        var ownership = context.GetRequiredService<PartitionOwnership>();
        foreach (var partition in ownership.Partitions)
        {
            rabbit.ReceiveEndpoint(queues.Queue(partition), endpoint =>
            {
                // The topology service binds the queue to the partition exchange.
                endpoint.ConfigureConsumeTopology = false;
                endpoint.SingleActiveConsumer = true;
                endpoint.ConcurrentMessageLimit = 1;
                endpoint.ConfigureConsumer<TConsumer>(context);
            });
        }
    }
}
