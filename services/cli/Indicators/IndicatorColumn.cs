using Trading.Markets.Indicators;

namespace Trading.Cli.Indicators;

/// <summary>One output column of <c>trading indicators</c>: its header, the indicator instance behind it and how to read it.</summary>
/// <param name="Name">The column header, as in the reference files of <c>shared/data/indicators</c>, for example <c>macd_signal_12_26_9</c>.</param>
/// <param name="Indicator">The instance whose readiness decides whether the cell has a value; shared by the columns of one indicator.</param>
/// <param name="Read">Reads the column's value from <paramref name="Indicator"/>; only called when it is ready.</param>
public sealed record IndicatorColumn(string Name, IndicatorBase Indicator, Func<double> Read);
