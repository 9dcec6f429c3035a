using Trading.ServiceDefaults.Messaging;
using Trading.Signal.Consumers;

namespace Trading.Signal;

/// <summary>What the signal service consumes: closed candles, on queue <c>signal-candle-closed</c>.</summary>
public static class SignalMessaging
{
    public static IHostApplicationBuilder AddSignalMessaging(this IHostApplicationBuilder builder) =>
        builder.AddMessaging(bus => bus.AddConsumer<CandleClosedConsumer>());
}
