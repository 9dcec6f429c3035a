using Microsoft.Extensions.Hosting;
using Trading.Execution.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Execution;

/// <summary>The messages execution consumes: queues <c>execution-place-order</c> and <c>execution-trades-received</c>.</summary>
public static class ExecutionMessaging
{
    public static IHostApplicationBuilder AddExecutionMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<PlaceOrderConsumer>();
            bus.AddConsumer<TradesReceivedConsumer>();
        });
}
