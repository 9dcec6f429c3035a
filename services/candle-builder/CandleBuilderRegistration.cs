using Microsoft.Extensions.Options;
using Trading.CandleBuilder.Candles;
using Trading.CandleBuilder.Persistence;
using Trading.CandleBuilder.WarmUp;
using Trading.ServiceDefaults.Messaging;

namespace Trading.CandleBuilder;

/// <summary>The singletons and hosted services of candle-builder, the warm-up included.</summary>
public static class CandleBuilderRegistration
{
    public static IHostApplicationBuilder AddCandleBuilder(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<CandleBuilderOptions>, CandleBuilderOptionsValidator>();
        builder.Services.AddSingleton<CandleBuilderMetrics>();
        builder.Services.AddSingleton<CandleStore>();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<CandleBuilderOptions>>().Value;
            return new PartitionOwnership(options.Instance, options.Instances);
        });
        builder.Services.AddSingleton<CandleSeriesProcessor>();
        builder.Services.AddHostedService<QuietCandleScanner>();
        return builder.AddCandleWarmUp();
    }
}
