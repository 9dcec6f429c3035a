using Trading.Markets.Risk;
using Trading.Risk.Account;

namespace Trading.Risk.Decisions;

/// <summary>What a decision read, stored with it as JSON: the request, the account, the limits in force and the correlations used.</summary>
public sealed record DecisionInputs(RiskRequest Request, RiskAccount Account, RiskLimits Limits, IReadOnlyList<CorrelationPair> Correlations);
