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
        builder.Services.AddSingleton(services => FillModel(services.GetRequiredService<IOptions<ExecutionOptions>>().Value));
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<PositionStore>();
        builder.Services.AddSingleton<MarketTradeStore>();
        builder.Services.AddSingleton<OrderDesk>();
        builder.Services.AddSingleton<PaperTrader>();
        builder.Services.AddSingleton<ExecutionMetrics>();
        return builder;
    }

    private static PaperFillModel FillModel(ExecutionOptions options) =>
        new() { SlippageBps = options.SlippageBps, FeeRate = options.FeeRate };
}
