namespace Trading.Signal;

/// <summary>The live gate (section <c>Signal:Gate</c>): only strategies whose backtest passed may signal live.</summary>
public sealed class SignalGateOptions
{
    /// <summary>
    /// True: a signal is published only when its strategy's backtest record on that symbol and interval passed; any other signal is
    /// stored as suppressed. False publishes every signal with whatever record exists (demos, tests).
    /// </summary>
    public bool Enforce { get; set; } = true;
}
