namespace Trading.Cli.PublishBacktest;

/// <summary>The backtest report is not what <c>trading backtest</c> writes; the message names the field or the problem.</summary>
public sealed class BacktestReportException(string message) : Exception(message);
