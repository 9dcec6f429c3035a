namespace Trading.Markets.Backtesting;

/// <summary>One backtest of some strategies on one symbol and interval over one time range.</summary>
/// <remarks>
/// Candles that close at or before <see cref="TradeFrom"/> only warm the strategies up: their signals are not traded. Input
/// candles that close after <see cref="TradeTo"/> are not read at all, so nothing of them can leak into the run.
/// </remarks>
public sealed record BacktestRun
{
    /// <summary>The symbol, as written to the results.</summary>
    public required string Symbol { get; init; }

    /// <summary>The interval the strategies run on; the input candles' length must divide it.</summary>
    public required Interval Interval { get; init; }

    /// <summary>
    /// The input candles, oldest first, all of one length that divides <see cref="Interval"/> (for example 1-minute candles for a
    /// 5-minute run). They are merged into the run's interval with <see cref="CandleAggregator"/> and are the candles exits are
    /// checked on.
    /// </summary>
    public required IReadOnlyList<Candle> Candles { get; init; }

    /// <summary>The strategies, each with its own account.</summary>
    public required IReadOnlyList<BacktestStrategy> Strategies { get; init; }

    /// <summary>Account, risk and fill assumptions.</summary>
    public BacktestSettings Settings { get; init; } = new();

    /// <summary>Start of trading (UTC): signals on candles opened before it are not traded; null for the first candle.</summary>
    public DateTimeOffset? TradeFrom { get; init; }

    /// <summary>End of the run (UTC): only candles closed at or before it are read; null for the last candle.</summary>
    public DateTimeOffset? TradeTo { get; init; }
}
