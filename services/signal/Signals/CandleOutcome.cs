namespace Trading.Signal.Signals;

/// <summary>What became of one consumed candle (a metric tag).</summary>
public enum CandleOutcome
{
    /// <summary>Already consumed: the same message id, or another message for the same candle.</summary>
    Duplicate,

    /// <summary>Opened at or before the series' last candle; stored, but not fed to the strategies.</summary>
    OutOfOrder,

    /// <summary>Fed to the strategies, which raised no new signal.</summary>
    NoSignal,

    /// <summary>Fed to the strategies, which raised at least one signal (published or suppressed by the gate).</summary>
    Signalled,
}
