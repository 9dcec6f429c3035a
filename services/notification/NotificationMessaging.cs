using Microsoft.Extensions.Hosting;
using Trading.Notification.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Notification;

/// <summary>The events the trader hears about; each has its queue <c>notification-&lt;event&gt;</c>.</summary>
public static class NotificationMessaging
{
    public static IHostApplicationBuilder AddNotificationMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<SignalGeneratedConsumer>();
            bus.AddConsumer<SignalRejectedConsumer>();
            bus.AddConsumer<OrderFilledConsumer>();
            bus.AddConsumer<PositionClosedConsumer>();
            bus.AddConsumer<TradingHaltedConsumer>();
            bus.AddConsumer<TradingResumedConsumer>();
            bus.AddConsumer<FeedStatusChangedConsumer>();
        });
}
