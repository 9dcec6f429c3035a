using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>The results of one walk-forward window of one symbol: in-sample and out-of-sample, one per strategy, in the same order.</summary>
public sealed record WalkForwardOutcome(string Symbol, WalkForwardWindow Window, IReadOnlyList<BacktestResult> InSample, IReadOnlyList<BacktestResult> OutOfSample);
