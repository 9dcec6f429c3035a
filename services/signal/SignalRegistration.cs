using Trading.Signal.Backtests;
using Trading.Signal.Persistence;
using Trading.Signal.Signals;
using Trading.Signal.Strategies;
using Trading.Signal.Warming;

namespace Trading.Signal;

/// <summary>The signal service's own singletons: the strategy series in memory, rebuilt from stored candles, and the live gate's records.</summary>
public static class SignalRegistration
{
    public static IHostApplicationBuilder AddSignal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(SeriesRegistry.Create);
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddSingleton<SignalStore>();
        builder.Services.AddSingleton<BacktestRecordStore>();
        builder.Services.AddSingleton<SignalMetrics>();
        builder.Services.AddSingleton<SignalEngine>();

        // Scoped like the request client they use: one per consumed message.
        builder.Services.AddScoped<CandleHistoryClient>();
        builder.Services.AddScoped<HistoryBackfill>();
        return builder;
    }
}
