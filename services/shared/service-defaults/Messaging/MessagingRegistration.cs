using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.Contracts.MarketData;
using Trading.ServiceDefaults.Configuration;
using Trading.ServiceDefaults.Telemetry;

namespace Trading.ServiceDefaults.Messaging;

/// <summary>
/// MassTransit over RabbitMQ with the conventions every service shares: queues named
/// <c>&lt;service&gt;-&lt;message&gt;</c> in kebab case, retries, and a <c>_error</c> queue for what still fails.
/// </summary>
public static class MessagingRegistration
{
    /// <param name="registerConsumers">Adds the service's consumers; each gets a queue of its own unless excluded from ConfigureEndpoints.</param>
    /// <param name="configureEndpoints">Adds receive endpoints the service configures by hand (for example partitioned queues).</param>
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator> registerConsumers,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureEndpoints = null)
    {
        var identity = ServiceDefaultsRegistration.Identity(builder);
        var key = $"ConnectionStrings:{ResourceNames.RabbitMq}";
        var address = RabbitMqAddress.Parse(RequiredConnectionString.Get(builder.Configuration, ResourceNames.RabbitMq), key);
        builder.AddSettings<MessagingOptions>(MessagingOptions.Section);

        // Start-up waits for the bus, so a service is ready only when its queues exist and consume.
        builder.Services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.WaitUntilStarted = true;
            host.StartTimeout = TimeSpan.FromSeconds(60);
            host.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(bus =>
        {
            // The prefix keeps two services with a consumer of the same name from sharing, and stealing from, one queue.
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(identity.Name, includeNamespace: false));
            registerConsumers(bus);
            bus.UsingRabbitMq((context, rabbit) =>
            {
                ConfigureRabbitMq(context, rabbit, address, identity);
                configureEndpoints?.Invoke(context, rabbit);
                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static void ConfigureRabbitMq(IBusRegistrationContext context, IRabbitMqBusFactoryConfigurator rabbit, RabbitMqAddress address, ServiceIdentity identity)
    {
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        rabbit.Host(address.Host, address.Port, address.VirtualHost, identity.Name, host =>
        {
            host.Username(address.Username);
            host.Password(address.Password);
            host.PublisherConfirmation = true;
            if (address.UseTls)
            {
                host.UseSsl(ssl => ssl.ServerName = address.Host);
            }
        });
        rabbit.PrefetchCount = options.PrefetchCount;
        rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
        if (options.RedeliveryIntervals.Length > 0)
        {
            rabbit.UseDelayedRedelivery(retry => retry.Intervals(options.RedeliveryIntervals));
        }

        // Around the retries: latency is recorded once per delivery, and a fault only when the message goes to _error.
        rabbit.UseFilter(new PipelineTimingFilter(context.GetRequiredService<PipelineMetrics>(), context.GetRequiredService<TimeProvider>()));
        rabbit.UseMessageRetry(retry => retry.Intervals(options.RetryIntervals));
        ConfigureTopology(rabbit);
    }

    /// <summary>
    /// The wire conventions every bus that publishes to or reads from the platform's exchanges must share, test buses included:
    /// trade batches and closed candles carry their market's partition as the routing key (see <see cref="TradePartitions"/>).
    /// </summary>
    public static void ConfigureTopology(IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.Send<TradesReceived>(send => send.UseRoutingKeyFormatter(context => TradePartitions.RoutingKeyOf(context.Message)));
        rabbit.Send<CandleClosed>(send => send.UseRoutingKeyFormatter(context => TradePartitions.RoutingKeyOf(context.Message)));
    }
}
