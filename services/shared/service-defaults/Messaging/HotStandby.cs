using MassTransit;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// One active instance and hot standbys: every queue the service's consumers get from ConfigureEndpoints is declared with
/// <c>x-single-active-consumer</c>, so RabbitMQ delivers to one instance at a time and hands the queue to another the moment it dies.
/// A broker that holds such a queue from before, declared without the argument, refuses the declaration: delete the queue once.
/// </summary>
public static class HotStandby
{
    public static void UseHotStandby(this IBusRegistrationConfigurator bus) =>
        bus.AddConfigureEndpointsCallback((_, _, endpoint) =>
        {
            if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
            {
                rabbit.SingleActiveConsumer = true;
            }
        });
}
