using Trading.Signal.Persistence;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;

namespace Trading.Signal;

/// <summary>The signal service's own singletons: one strategy per series in memory, rebuilt from stored candles.</summary>
public static class SignalRegistration
{
    public static IHostApplicationBuilder AddSignal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(StrategyRegistry.Create);
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddSingleton<SignalStore>();
        builder.Services.AddSingleton<SignalMetrics>();
        builder.Services.AddSingleton<SignalEngine>();
        return builder;
    }
}
