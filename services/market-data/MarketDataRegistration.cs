using Microsoft.Extensions.Options;
using Trading.MarketData.Persistence;
using Trading.MarketData.Replay;

namespace Trading.MarketData;

/// <summary>The singletons and hosted services of market-data.</summary>
public static class MarketDataRegistration
{
    public static IHostApplicationBuilder AddMarketData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<MarketDataOptions>, MarketDataOptionsValidator>();
        builder.Services.AddSingleton<IValidateOptions<ReplayOptions>, ReplayOptionsValidator>();
        builder.Services.AddSingleton<MarketDataMetrics>();
        builder.Services.AddSingleton<ReplayProgressStore>();
        builder.Services.AddSingleton<ReplayRunner>();
        builder.Services.AddHostedService<ReplayService>();
        return builder;
    }
}
