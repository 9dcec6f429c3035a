namespace Trading.Markets.Backtesting;

/// <summary>The outcome of <see cref="LiveGate.Evaluate"/>.</summary>
/// <param name="Passed">True when every rule passed.</param>
/// <param name="Reasons">Each failed rule in words with the numbers; empty when passed.</param>
public sealed record LiveGateResult(bool Passed, IReadOnlyList<string> Reasons);
