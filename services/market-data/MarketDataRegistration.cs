using Microsoft.Extensions.Options;
using Trading.MarketData.Exchange.Connection;
using Trading.MarketData.History;
using Trading.MarketData.Live;
using Trading.MarketData.Live.Scaling;
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

        builder.Services.AddSingleton<IValidateOptions<LiveFeedOptions>, LiveFeedOptionsValidator>();
        builder.Services.AddSingleton<VenueConnectionMetrics>();
        builder.Services.AddSingleton<LiveFeedMetrics>();
        builder.Services.AddSingleton<OutboxMarketDataSink>();
        builder.Services.AddHttpClient(LiveFeedService.KrakenRestClientName, (services, http) => http.BaseAddress = services.GetRequiredService<IOptions<LiveFeedOptions>>().Value.KrakenRest);
        builder.Services.AddHttpClient(LiveFeedService.CoinbaseRestClientName, (services, http) => http.BaseAddress = services.GetRequiredService<IOptions<LiveFeedOptions>>().Value.CoinbaseRest);
        builder.Services.AddSingleton<IValidateOptions<ScalingOptions>, ScalingOptionsValidator>();
        builder.Services.AddSingleton<ScalingMetrics>();
        builder.Services.AddSingleton<SymbolLeaseStore>();
        builder.Services.AddHostedService<LiveFeedService>();

        // Candle history for FetchVenueCandles, over the same REST clients, whatever the source.
        builder.Services.AddSingleton<HistoryRequestPacers>();
        return builder;
    }
}
