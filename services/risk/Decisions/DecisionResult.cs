using Trading.Markets.Risk;

namespace Trading.Risk.Decisions;

/// <summary>A decision made on a signal and the account after it.</summary>
public sealed record DecisionResult(RiskDecision Decision, AccountSnapshot Account);
