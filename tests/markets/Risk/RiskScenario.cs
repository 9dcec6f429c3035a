using Trading.Markets.Risk;
using Trading.Markets.Strategies;

namespace Trading.Markets.Tests.Risk;

// One trade asked of the full gate: the worked example of issue 6 (equity 10,000, risk 2 %, long BTC/USD at 45,000, stop 44,500)
// on a fresh account at noon UTC, with default limits and no known correlation. Tests change one thing at a time.
internal sealed record RiskScenario
{
    public static readonly DateTimeOffset Noon = new(2025, 11, 10, 12, 0, 0, TimeSpan.Zero);

    public RiskRequest Request { get; init; } = new()
    {
        Symbol = "BTC/USD",
        Direction = TradeDirection.Long,
        Entry = 45_000m,
        StopLoss = 44_500m,
    };

    public RiskAccount Account { get; init; } = RiskAccount.Start(10_000m, Noon);

    public RiskLimits Limits { get; init; } = new();

    public CorrelationMatrix Correlations { get; init; } = CorrelationMatrix.Empty;

    public DateTimeOffset Now { get; init; } = Noon;

    public RiskDecision Decide() => RiskGate.Decide(Request, Account, Limits, Correlations, Now);

    public RiskScenario WithAccount(Func<RiskAccount, RiskAccount> change) => this with { Account = change(Account) };

    public RiskScenario WithRequest(Func<RiskRequest, RiskRequest> change) => this with { Request = change(Request) };

    public RiskScenario WithLimits(Func<RiskLimits, RiskLimits> change) => this with { Limits = change(Limits) };

    public RiskScenario Holding(params OpenPosition[] positions) =>
        WithAccount(a => a with { OpenPositions = [.. a.OpenPositions, .. positions] });

    public static OpenPosition Position(string symbol, TradeDirection direction, decimal notional = 1_000m) =>
        new() { Symbol = symbol, Direction = direction, Notional = notional };
}
