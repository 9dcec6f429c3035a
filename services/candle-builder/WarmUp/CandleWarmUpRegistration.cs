using MassTransit;
using Microsoft.Extensions.Options;
using Trading.Contracts.Candles;
using Trading.ServiceDefaults;

namespace Trading.CandleBuilder.WarmUp;

/// <summary>
/// The warm-up (settings <c>CandleBuilder:WarmUp</c>) and the history requests: candle-builder asks market-data for venue candles
/// (<see cref="FetchVenueCandles"/>) and answers <see cref="GetCandleHistory"/> from its own table.
/// </summary>
public static class CandleWarmUpRegistration
{
    /// <summary>market-data's queue for <see cref="FetchVenueCandles"/> (its consumer's name in kebab case, prefixed with the service).</summary>
    public const string FetchVenueCandlesQueue = "market-data-fetch-venue-candles";

    public static IHostApplicationBuilder AddCandleWarmUp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CandleBuilderOptions>, CandleWarmUpOptionsValidator>();
        builder.Services.AddSingleton<CandleHistoryStore>();
        builder.Services.AddSingleton<CandleWarmUpStatus>();
        builder.Services.AddHostedService<CandleWarmUp>();
        builder.Services.AddHealthChecks().AddCheck<CandleWarmUpHealthCheck>(CandleWarmUpHealthCheck.Name, tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The consumer of <see cref="GetCandleHistory"/> (queue <c>candle-builder-get-candle-history</c>) and the request client of
    /// <see cref="FetchVenueCandles"/>; call inside <c>AddMessaging</c>'s consumer registration.
    /// </summary>
    public static void AddWarmUpConsumers(IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddConsumer<GetCandleHistoryConsumer>();

        // The warm-up passes its configured timeout with every request; this is only the default.
        bus.AddRequestClient<FetchVenueCandles>(new Uri("queue:" + FetchVenueCandlesQueue), RequestTimeout.After(s: 30));
    }
}
