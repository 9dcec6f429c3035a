using Trading.Markets.Risk;
using Trading.Risk.Account;

namespace Trading.Risk.Decisions;

/// <summary>A decision made on a signal and the account after it.</summary>
public sealed record DecisionOutcome(RiskDecision Decision, AccountView Account);
