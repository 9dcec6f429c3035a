using Microsoft.Extensions.Hosting;
using Trading.Notification.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Notification;

/// <summary>
/// The events the trader hears about, each on its queue <c>notification-&lt;event&gt;</c>, competed for by every instance; and the
/// account and candle events the reports count. Delivery happens later, from the delivery queue, once per event and channel.
/// </summary>
public static class NotificationMessaging
{
    public static IHostApplicationBuilder AddNotificationMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<SignalGeneratedConsumer>();
            bus.AddConsumer<SignalApprovedConsumer>();
            bus.AddConsumer<SignalRejectedConsumer>();
            bus.AddConsumer<OrderFilledConsumer>();
            bus.AddConsumer<PositionClosedConsumer>();
            bus.AddConsumer<TradingHaltedConsumer>();
            bus.AddConsumer<TradingResumedConsumer>();
            bus.AddConsumer<FeedStatusChangedConsumer>();
            bus.AddConsumer<LivePerformanceDeviatedConsumer>();
            bus.AddConsumer<RiskLimitsChangedConsumer>();
            bus.AddConsumer<AccountUpdatedConsumer>();
            bus.AddConsumer<CandleClosedConsumer>();
        });
}
