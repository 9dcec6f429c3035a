namespace Trading.Markets.Indicators;

/// <summary>One output of an indicator.</summary>
/// <param name="Time">The time of the input that produced the value (for a candle, its <see cref="Candle.OpenedAt"/>).</param>
/// <param name="Value">The indicator value, in the indicator's own unit (price units for moving averages and ATR).</param>
public readonly record struct IndicatorValue(DateTimeOffset Time, double Value);
