namespace Trading.Markets.Strategies;

/// <summary>
/// A trading strategy: fed the closed candles of one symbol and interval in time order, it returns a signal when it sees a trade.
/// The same object runs in the signal service and in the backtester, through <see cref="StrategySeries"/>.
/// </summary>
/// <remarks>
/// <para>A strategy reads only the candle it is given, the candles it was given before, and the context of
/// <see cref="Update"/>: the higher intervals of the same symbol built from those same candles, and the market context. It never
/// reads a clock, a file or anything later than the candle, so a backtest cannot look ahead.</para>
/// <para>Synthetic (flat, no-trade) candles are fed like any other. Candles come strictly in time order: <see cref="StrategySeries"/>
/// refuses a candle opened at or before the last one before any strategy sees it. Not thread-safe.</para>
/// </remarks>
public interface IStrategy
{
    /// <summary>Kebab-case name carried by the signals, for example <c>ema-cross</c>.</summary>
    string Name { get; }

    /// <summary>Candles needed before the strategy can signal.</summary>
    int WarmUpPeriod { get; }

    /// <summary>True once every indicator the strategy needs has a value.</summary>
    bool IsReady { get; }

    /// <summary>Feeds one closed candle of the strategy's series.</summary>
    /// <param name="candle">The candle that just closed.</param>
    /// <param name="context">The series' interval, minimum R:R, higher intervals and market context at this candle's close.</param>
    /// <returns>A signal computed on this candle's close, or null. <see cref="StrategySignal.Context"/> is filled in by the series.</returns>
    StrategySignal? Update(Candle candle, StrategyContext context);

    /// <summary>Returns the strategy to its freshly created state.</summary>
    void Reset();
}
