using MassTransit;
using Microsoft.Extensions.Hosting;
using Trading.Execution.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Execution;

/// <summary>
/// The messages execution consumes: queues <c>execution-place-order</c>, <c>execution-trades-received</c>,
/// <c>execution-quote-updated</c>, <c>execution-flatten-positions</c>, and the operator's requests <c>execution-close-position</c> and
/// <c>execution-get-open-positions</c> (answered on the spot), each with a single active consumer, so a second instance is
/// a hot standby that takes over when the active one's connection drops. Senders of the commands must address the queues with
/// <c>?singleactiveconsumer=true</c> (MassTransit declares the queue it sends to, and RabbitMQ refuses a declaration whose
/// arguments differ).
/// </summary>
public static class ExecutionMessaging
{
    public static IHostApplicationBuilder AddExecutionMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<PlaceOrderConsumer>();
            bus.AddConsumer<TradesReceivedConsumer>();
            bus.AddConsumer<QuoteUpdatedConsumer>();
            bus.AddConsumer<FlattenPositionsConsumer>();
            bus.AddConsumer<ClosePositionConsumer>();
            bus.AddConsumer<GetOpenPositionsConsumer>();
            bus.UseHotStandby();
        });
}
