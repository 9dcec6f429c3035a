namespace Trading.Markets.Backtesting;

/// <summary>The outcome of <see cref="LookaheadCheck.Run"/>.</summary>
/// <param name="SignalsChecked">Signals recomputed.</param>
/// <param name="Findings">Signals that differed; empty when no lookahead was found.</param>
public sealed record LookaheadCheckResult(int SignalsChecked, IReadOnlyList<LookaheadFinding> Findings);
