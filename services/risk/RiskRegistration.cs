using Trading.Risk.Decisions;
using Trading.Risk.Persistence;

namespace Trading.Risk;

/// <summary>The risk service's own singletons.</summary>
public static class RiskRegistration
{
    public static IHostApplicationBuilder AddRisk(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RiskSettings>();
        builder.Services.AddSingleton<DecisionStore>();
        builder.Services.AddSingleton<PositionStore>();
        builder.Services.AddSingleton<RiskMetrics>();
        builder.Services.AddSingleton<RiskEngine>();
        return builder;
    }
}
