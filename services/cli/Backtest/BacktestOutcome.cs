using Trading.Markets.Backtesting;

namespace Trading.Cli.Backtest;

/// <summary>Everything a <c>trading backtest</c> run found, for the report writers.</summary>
/// <param name="Results">One per strategy × symbol on the whole range, in input order then strategy order.</param>
/// <param name="Gates">The live gate's verdict on each of <paramref name="Results"/>, in the same order.</param>
/// <param name="From">Start of the data range over all symbols (UTC).</param>
/// <param name="To">End of the data range over all symbols (UTC).</param>
/// <param name="Windows">Walk-forward windows; null when walk-forward did not run.</param>
public sealed record BacktestOutcome(
    IReadOnlyList<BacktestResult> Results,
    IReadOnlyList<LiveGateResult> Gates,
    DateTimeOffset From,
    DateTimeOffset To,
    IReadOnlyList<WalkForwardOutcome>? Windows);
