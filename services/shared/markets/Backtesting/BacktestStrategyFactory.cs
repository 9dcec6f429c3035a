using Trading.Markets.Strategies;

namespace Trading.Markets.Backtesting;

/// <summary>
/// Creates a fresh strategy for one backtest run. It is given the candles of the series that run will feed, oldest first and
/// nothing later, so a strategy that reads that list instead of its <see cref="IStrategy.Update"/> input sees only the run's
/// data: a run truncated at a candle gives it a list ending at that candle, which is how <see cref="LookaheadCheck"/> catches a
/// strategy that peeks ahead.
/// </summary>
/// <param name="candles">The series' candles of the run (warm-up included), in time order.</param>
public delegate IStrategy BacktestStrategyFactory(IReadOnlyList<Candle> candles);
