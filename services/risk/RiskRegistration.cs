using Trading.Risk.Account;
using Trading.Risk.Decisions;
using Trading.Risk.Operator;
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
        builder.Services.AddSingleton<LedgerStore>();
        builder.Services.AddSingleton<HaltStore>();
        builder.Services.AddSingleton<LimitStore>();
        builder.Services.AddSingleton<CandleCloseStore>();
        builder.Services.AddSingleton<PerformanceStore>();
        builder.Services.AddSingleton<AccountReader>();
        builder.Services.AddSingleton<HaltKeeper>();
        builder.Services.AddSingleton<CorrelationReader>();
        builder.Services.AddSingleton<LivePerformanceTracker>();
        builder.Services.AddSingleton<RiskMetrics>();
        builder.Services.AddSingleton<RiskEngine>();
        builder.Services.AddSingleton<RiskOperator>();
        builder.Services.AddHostedService<HaltExpiry>();
        return builder;
    }
}
