using MassTransit;
using Trading.Risk.Consumers;
using Trading.ServiceDefaults.Messaging;

namespace Trading.Risk;

/// <summary>
/// What risk consumes: signals to decide on (<c>risk-signal-generated</c>), the fate of the orders it placed
/// (<c>risk-order-filled</c>, <c>risk-position-closed</c>, <c>risk-order-rejected</c>) and candle closes for the return correlations
/// (<c>risk-candle-closed</c>), and the operator's chat commands, each a request answered on the spot (<c>risk-engage-kill-switch</c>,
/// <c>risk-resume-trading</c>, <c>risk-get-trading-status</c>, <c>risk-get-trading-stats</c>). Every queue has a single active
/// consumer: a second instance is a hot standby that takes over when the active one dies.
/// </summary>
public static class RiskMessaging
{
    public static IHostApplicationBuilder AddRiskMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus =>
        {
            bus.AddConsumer<SignalGeneratedConsumer>();
            bus.AddConsumer<OrderFilledConsumer>();
            bus.AddConsumer<PositionClosedConsumer>();
            bus.AddConsumer<OrderRejectedConsumer>();
            bus.AddConsumer<CandleClosedConsumer>();
            bus.AddConsumer<EngageKillSwitchConsumer>();
            bus.AddConsumer<ResumeTradingConsumer>();
            bus.AddConsumer<GetTradingStatusConsumer>();
            bus.AddConsumer<GetTradingStatsConsumer>();
            bus.UseHotStandby();
        });
}
