namespace Trading.Markets.Backtesting;

/// <summary>One walk-forward window: an in-sample range followed directly by an out-of-sample range (UTC, end excluded).</summary>
/// <param name="Index">0 for the first window.</param>
/// <param name="InSampleFrom">Start of the in-sample range.</param>
/// <param name="InSampleTo">End of the in-sample range, and start of the out-of-sample range.</param>
/// <param name="OutOfSampleTo">End of the out-of-sample range.</param>
public sealed record WalkForwardWindow(int Index, DateTimeOffset InSampleFrom, DateTimeOffset InSampleTo, DateTimeOffset OutOfSampleTo);
