using MassTransit;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.Infrastructure;

/// <summary>
/// A bus that publishes as the services do (their topology, so partitioned messages carry their routing key; publisher confirms),
/// for tests that feed a service recorded messages.
/// </summary>
internal sealed class ReplayBus(IBusControl bus) : IAsyncDisposable
{
    public IBus Bus => bus;

    public static async Task<ReplayBus> StartAsync(string rabbitMq)
    {
        var address = RabbitMqAddress.Parse(rabbitMq, "ConnectionStrings:RabbitMq");
        var control = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(address.Host, address.Port, address.VirtualHost, host =>
            {
                host.Username(address.Username);
                host.Password(address.Password);
                host.PublisherConfirmation = true;
            });
            MessagingRegistration.ConfigureTopology(rabbit);
        });
        await control.StartAsync();
        return new ReplayBus(control);
    }

    /// <summary>Publishes <paramref name="message"/> with the given message id, as the outbox of the service it stands in for would.</summary>
    public Task PublishAsync<T>(T message, Guid messageId)
        where T : class =>
        bus.Publish(message, context => context.MessageId = messageId);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
