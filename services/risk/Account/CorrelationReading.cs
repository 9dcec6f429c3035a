using Trading.Markets.Risk;

namespace Trading.Risk.Account;

/// <summary>The correlations a decision used, and each pair with the closes it shared (null r: too few to trust).</summary>
public sealed record CorrelationReading(CorrelationMatrix Matrix, IReadOnlyList<CorrelationPair> Pairs);
