using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Trading.Execution.Paper;
using Trading.Execution.Persistence;
using Trading.Markets.Execution;

namespace Trading.Execution;

/// <summary>The service's own singletons.</summary>
public static class ExecutionRegistration
{
    public static IHostApplicationBuilder AddExecution(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services => ExecutionModel(services.GetRequiredService<IOptions<ExecutionOptions>>().Value));
        builder.Services.AddSingleton(services => ExitRules(services.GetRequiredService<IOptions<ExecutionOptions>>().Value));
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<PositionStore>();
        builder.Services.AddSingleton<MarketTradeStore>();
        builder.Services.AddSingleton<MarketQuoteStore>();
        builder.Services.AddSingleton<OrderDesk>();
        builder.Services.AddSingleton<PaperTrader>();
        builder.Services.AddSingleton<ExecutionMetrics>();
        builder.Services.AddHostedService<PaperSession>();
        return builder;
    }

    public static PaperExecutionModel ExecutionModel(ExecutionOptions options) => new()
    {
        SlippageBps = options.SlippageBps,
        SizeImpactBps = options.SizeImpactBps,
        SizeImpactNotional = options.SizeImpactNotional,
        TakerFeeRate = options.TakerFeeRate,
        MakerFeeRate = options.MakerFeeRate,
        QuoteMaxAge = options.QuoteMaxAge,
    };

    public static PaperExitRules ExitRules(ExecutionOptions options) => new()
    {
        TrailingStop = new TrailingStopRule
        {
            Enabled = options.TrailingStop.Enabled,
            ActivationR = options.TrailingStop.ActivationR,
            DistanceR = options.TrailingStop.DistanceR,
        },
        MaxHolding = options.MaxHolding,
    };
}
