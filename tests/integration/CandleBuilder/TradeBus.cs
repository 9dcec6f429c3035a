using MassTransit;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Integration.Tests.CandleBuilder;

/// <summary>A bus publishing trade batches the way market-data does: same topology, routing key and message ids.</summary>
internal sealed class TradeBus(IBusControl bus) : IAsyncDisposable
{
    public IBus Bus => bus;

    public static async Task<TradeBus> StartAsync(string rabbitMq)
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
        return new TradeBus(control);
    }

    public Task PublishAsync(TradesReceived batch) =>
        bus.Publish(batch, context => context.MessageId = batch.BatchId);

    public async ValueTask DisposeAsync() => await bus.StopAsync();
}
